// A checkpoint counts only when its signature verifies with one of the region's public keys: a forged or edited
// checkpoint must not be able to accuse (or excuse) a chain.
import crypto from 'node:crypto';
import { checkpointStringToSign, type CheckpointStatement } from '../../domain/digest/checkpoint-statement.js';
import { statementOf, type CheckpointWire } from '../signed-checkpoints.js';
import type { KeySource } from './sources.js';

export async function verifiedCheckpoint(wire: CheckpointWire, keys: KeySource): Promise<CheckpointStatement | undefined> {
  const statement = statementOf(wire);
  const candidates = await keys.publicKeys(wire.Region, statement.checkpointMs, statement.checkpointMs);
  const key = candidates.find((k) => k.fingerprint === wire.Fingerprint);
  if (!key) return undefined;
  const publicKey = crypto.createPublicKey({ key: key.pkcs1Der, format: 'der', type: 'pkcs1' });
  const data = Buffer.from(checkpointStringToSign(statement), 'utf8');
  return crypto.verify('sha256', data, publicKey, Buffer.from(wire.Signature, 'hex')) ? statement : undefined;
}
