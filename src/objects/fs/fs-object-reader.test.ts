import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsObjectStore } from './fs-object-store.js';
import { FsObjectReader } from './fs-object-reader.js';

let root: string;
let store: FsObjectStore;
beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-object-reader-'));
  store = await FsObjectStore.open(root);
  await store.createBucket('logs', { region: 'us-east-1', ownerAccountId: '123456789012' });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('FsObjectReader', () => {
  it('reads what the store wrote, with its user metadata, and the newest version after an overwrite', async () => {
    const key = 'AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/24/x.json.gz';
    await store.putObject('logs', key, Buffer.from('first'), { userMetadata: { signature: 'ab12' } });
    const reader = new FsObjectReader(root);
    expect(reader.read('logs', key)).toEqual({ bytes: Buffer.from('first'), userMetadata: { signature: 'ab12' } });
    await store.putObject('logs', key, Buffer.from('second'));
    expect(reader.read('logs', key)).toEqual({ bytes: Buffer.from('second'), userMetadata: {} });
  });

  it('answers undefined for a missing object or bucket, and refuses keys the store would refuse', () => {
    const reader = new FsObjectReader(root);
    expect(reader.read('logs', 'no/such/key')).toBeUndefined();
    expect(reader.read('other-bucket', 'k')).toBeUndefined();
    expect(() => reader.read('logs', '')).toThrow();
  });
});
