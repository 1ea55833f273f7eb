// Hashes a log file as validate-logs does (spec §2.1): SHA-256 over the output of one streaming gunzip, which ends
// with the first gzip member. Anything that is not gzip is an invalid format, not a mismatch.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { LogFileHash } from './sources.js';

export async function hashGzipStream(body: Readable): Promise<LogFileHash> {
  const hash = crypto.createHash('sha256');
  const gunzip = zlib.createGunzip();
  try {
    await new Promise<void>((resolve, reject) => {
      gunzip.on('data', (chunk: Buffer) => hash.update(chunk));
      gunzip.on('end', resolve);
      gunzip.on('error', reject);
      body.on('error', reject);
      body.pipe(gunzip);
    });
  } catch {
    body.destroy();
    return { kind: 'invalid-format' };
  }
  return { kind: 'hash', sha256: hash.digest('hex') };
}
