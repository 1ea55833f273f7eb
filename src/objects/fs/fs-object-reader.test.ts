import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsObjectStore } from './fs-object-store.js';
import { FsObjectReader } from './fs-object-reader.js';
import { objectFiles } from './key-path.js';
import { objectPlace } from './object-place.js';

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

  it('reads bytes alone from the folder\'s listing, and from the metadata when the listing is out of date or ambiguous', async () => {
    const folder = 'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/24';
    for (const name of ['a', 'b', 'c']) await store.putObject('logs', `${folder}/${name}.json.gz`, Buffer.from(`${name}1`));
    const reader = new FsObjectReader(root);
    expect(reader.readBytes('logs', `${folder}/a.json.gz`)).toEqual(Buffer.from('a1'));
    // Written again after the folder was listed: the listed data file is gone, so the metadata names the new one.
    await store.putObject('logs', `${folder}/b.json.gz`, Buffer.from('b2'));
    expect(reader.readBytes('logs', `${folder}/b.json.gz`)).toEqual(Buffer.from('b2'));
    // Deleted since, or never there.
    await store.deleteObject('logs', `${folder}/c.json.gz`);
    expect(reader.readBytes('logs', `${folder}/c.json.gz`)).toBeUndefined();
    expect(reader.readBytes('logs', `${folder}/d.json.gz`)).toBeUndefined();
    // A second data file beside the metadata (a write under way): the metadata decides.
    const place = objectPlace(path.join(root), 'logs', `${folder}/e.json.gz`);
    await store.putObject('logs', `${folder}/e.json.gz`, Buffer.from('e1'));
    fs.writeFileSync(path.join(place.folder, objectFiles.data(place.base, 'ffff')), 'half-written');
    expect(new FsObjectReader(root).readBytes('logs', `${folder}/e.json.gz`)).toEqual(Buffer.from('e1'));
    expect(() => reader.readBytes('logs', '')).toThrow();
  });
});
