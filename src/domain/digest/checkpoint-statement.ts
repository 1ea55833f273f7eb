// A signed checkpoint: opentrail's statement, at a time, of the latest digest of a trail's chain in one region. A
// validator holding one can tell that digests (and with them log files) were deleted from the end of the chain,
// which the chain itself cannot show: its newest digest has no successor pointing at it.
import { digestTime } from './digest-time.js';

export const CHECKPOINT_VERSION = 'opentrail-digest-checkpoint-1';

/** A digest the statement vouches for: the latest one, or an earlier chain's final one. */
export interface VouchedDigest {
  bucket: string;
  key: string;
  endMs: number;
  /** Hex, as in the digest's `x-amz-meta-signature`. */
  signature: string;
}

export interface CheckpointStatement {
  trailArn: string;
  region: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestEndMs: number;
  /** Hex, as in the digest's `x-amz-meta-signature`. */
  digestSignature: string;
  /** True when the chain ended with this digest (logging stopped, validation disabled, trail deleted). */
  final: boolean;
  /** When opentrail made the statement. */
  checkpointMs: number;
  /** The final digests of the region's earlier chains, oldest first: no later digest points to them. */
  chainEnds: VouchedDigest[];
}

/** One field a line, then one line per earlier chain end; LF, no trailing newline: what the signature covers. */
export function checkpointStringToSign(statement: CheckpointStatement): string {
  return [
    CHECKPOINT_VERSION,
    statement.trailArn,
    statement.region,
    `${statement.digestS3Bucket}/${statement.digestS3Object}`,
    digestTime(statement.digestEndMs),
    statement.digestSignature,
    statement.final ? 'final' : 'open',
    digestTime(statement.checkpointMs),
    ...statement.chainEnds.map((end) => `end ${end.bucket}/${end.key} ${digestTime(end.endMs)} ${end.signature}`),
  ].join('\n');
}
