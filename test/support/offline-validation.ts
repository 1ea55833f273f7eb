// What `opentrail validate-logs --offline` reads, made as a user makes it: a copy of a bucket (`aws s3 sync`), and
// the public keys and signed checkpoint exported from the server's data dir.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { listKeys, readObject } from './digests.js';
import { opentrailCli } from './opentrail-cli.js';
import type { TestServer } from './server.js';

/** `aws s3 sync s3://BUCKET DIR` into a new folder under `work`. */
export async function downloadCopy(server: TestServer, bucket: string, work: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, 'copy-'));
  for (const key of await listKeys(server.objects, bucket, '')) {
    const file = path.join(dir, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, (await readObject(server.objects, bucket, key)).bytes);
  }
  return dir;
}

/** `keys.json` and `checkpoint.json` (the trail's) in `work`. */
export async function exportKeysAndCheckpoint(server: TestServer, trailArn: string, work: string): Promise<void> {
  const keys = await opentrailCli(['export-public-keys', '--data-dir', server.dataDir, '--output', path.join(work, 'keys.json')]);
  expect(keys.code).toBe(0);
  const checkpoint = await opentrailCli(['export-checkpoint', '--trail-arn', trailArn, '--data-dir', server.dataDir, '--output', path.join(work, 'checkpoint.json')]);
  expect(checkpoint.stderr).toBe('');
}
