// A signed checkpoint: opentrail's statement, at a time, of the latest digest of a trail's chain in one region. A
// validator holding one can tell that digests (and with them log files) were deleted from the end of the chain,
// which the chain itself cannot show: its newest digest has no successor pointing at it.
import { digestTime } from './digest-time.js';

export const CHECKPOINT_VERSION = 'opentrail-digest-checkpoint-1';

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
}

/** One field a line, LF, no trailing newline: what the checkpoint's signature covers. */
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
  ].join('\n');
}
