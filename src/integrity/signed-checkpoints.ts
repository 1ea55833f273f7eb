// Signed checkpoints of a trail's digest chains (one per region): the latest digest of each, stated and signed by
// opentrail now with the region's current key. Served by GetDigestCheckpoint and exported by
// `opentrail export-checkpoint`, in the one wire form below, which `opentrail validate-logs` reads back.
import { checkpointStringToSign, type CheckpointStatement } from '../domain/digest/checkpoint-statement.js';
import type { Signer } from '../crypto/signer.js';
import type { DigestChainStore } from '../store/digest-chains.js';

export interface CheckpointWire {
  TrailARN: string;
  Region: string;
  DigestS3Bucket: string;
  DigestS3Object: string;
  /** Epoch seconds, as every CloudTrail timestamp on the wire. */
  DigestEndTime: number;
  DigestSignature: string;
  Final: boolean;
  CheckpointTime: number;
  /** The key that signed the checkpoint: one of the region's ListPublicKeys keys. */
  Fingerprint: string;
  /** Hex RSASSA-PKCS1-v1_5 SHA-256 signature of checkpointStringToSign(). */
  Signature: string;
  /** The final digests of the region's earlier chains, oldest first. */
  ChainEnds: Array<{ DigestS3Bucket: string; DigestS3Object: string; DigestEndTime: number; DigestSignature: string }>;
}

export async function signedCheckpoints(chains: Pick<DigestChainStore, 'checkpoints' | 'chainEnds'>, signer: Signer, trailArn: string, nowMs: number): Promise<CheckpointWire[]> {
  const checkpointMs = Math.floor(nowMs / 1000) * 1000;
  const signed: CheckpointWire[] = [];
  const ends = await chains.chainEnds(trailArn);
  for (const checkpoint of await chains.checkpoints(trailArn)) {
    const chainEnds = ends
      .filter((end) => end.region === checkpoint.region && end.endMs < checkpoint.endMs)
      .map((end) => ({ bucket: end.bucket, key: end.key, endMs: end.endMs, signature: end.signature }));
    const statement: CheckpointStatement = {
      trailArn,
      region: checkpoint.region,
      digestS3Bucket: checkpoint.bucket,
      digestS3Object: checkpoint.key,
      digestEndMs: checkpoint.endMs,
      digestSignature: checkpoint.signature,
      final: checkpoint.final,
      checkpointMs,
      chainEnds,
    };
    const fingerprint = await signer.signingKey(checkpoint.region, checkpointMs);
    const signature = await signer.sign(checkpoint.region, fingerprint, Buffer.from(checkpointStringToSign(statement), 'utf8'));
    signed.push({
      TrailARN: trailArn,
      Region: checkpoint.region,
      DigestS3Bucket: checkpoint.bucket,
      DigestS3Object: checkpoint.key,
      DigestEndTime: checkpoint.endMs / 1000,
      DigestSignature: checkpoint.signature,
      Final: checkpoint.final,
      CheckpointTime: checkpointMs / 1000,
      Fingerprint: fingerprint,
      Signature: signature.toString('hex'),
      ChainEnds: chainEnds.map((end) => ({
        DigestS3Bucket: end.bucket, DigestS3Object: end.key, DigestEndTime: end.endMs / 1000, DigestSignature: end.signature,
      })),
    });
  }
  return signed;
}

export function statementOf(wire: CheckpointWire): CheckpointStatement {
  return {
    trailArn: wire.TrailARN,
    region: wire.Region,
    digestS3Bucket: wire.DigestS3Bucket,
    digestS3Object: wire.DigestS3Object,
    digestEndMs: wire.DigestEndTime * 1000,
    digestSignature: wire.DigestSignature,
    final: wire.Final,
    checkpointMs: wire.CheckpointTime * 1000,
    chainEnds: (wire.ChainEnds ?? []).map((end) => ({
      bucket: end.DigestS3Bucket, key: end.DigestS3Object, endMs: end.DigestEndTime * 1000, signature: end.DigestSignature,
    })),
  };
}
