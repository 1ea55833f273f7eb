// The public key file `opentrail export-public-keys` writes and `opentrail validate-logs --public-keys` reads: the
// keys as ListPublicKeys gives them, with the region each belongs to.
import fs from 'node:fs';
import type { PublicKeyInfo } from '../../crypto/signer.js';
import type { CheckpointWire } from '../signed-checkpoints.js';
import type { KeySource, TrustedKey } from './sources.js';

export interface PublicKeyFileEntry {
  Region: string;
  Value: string;
  ValidityStartTime: number;
  ValidityEndTime: number;
  Fingerprint: string;
}

export function publicKeyFile(keys: readonly PublicKeyInfo[]): { PublicKeys: PublicKeyFileEntry[] } {
  return {
    PublicKeys: keys.map((k) => ({
      Region: k.region,
      Value: k.pkcs1Der.toString('base64'),
      ValidityStartTime: k.validityStartMs / 1000,
      ValidityEndTime: k.validityEndMs / 1000,
      Fingerprint: k.fingerprint,
    })),
  };
}

export class PublicKeyFileSource implements KeySource {
  readonly #entries: PublicKeyFileEntry[];

  constructor(file: string) {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { PublicKeys?: PublicKeyFileEntry[] };
    if (!Array.isArray(parsed.PublicKeys)) throw new Error(`${file} is not a file written by opentrail export-public-keys`);
    this.#entries = parsed.PublicKeys;
  }

  async publicKeys(region: string, fromMs: number, toMs: number): Promise<TrustedKey[]> {
    return this.#entries
      .filter((e) => e.Region === region && e.ValidityStartTime * 1000 <= toMs && e.ValidityEndTime * 1000 >= fromMs)
      .map(trustedKeyOf);
  }
}

export function trustedKeyOf(entry: { Value: string; Fingerprint: string }): TrustedKey {
  return { fingerprint: entry.Fingerprint, pkcs1Der: Buffer.from(entry.Value, 'base64') };
}

export function readCheckpointFile(file: string): CheckpointWire[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { Checkpoints?: CheckpointWire[] };
  if (!Array.isArray(parsed.Checkpoints)) throw new Error(`${file} is not a file written by opentrail export-checkpoint`);
  return parsed.Checkpoints;
}
