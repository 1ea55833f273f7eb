// The filesystem object store: the shared conformance suite, then what only a filesystem can get wrong (keys that
// would leave the bucket's folder, crash leftovers, names that differ only by case).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { objectStoreConformance } from '../conformance/object-store-conformance.js';
import { readObjectBytes } from '../object-bytes.js';
import { FsObjectStore } from './fs-object-store.js';
import { keyToPath, objectFiles } from './key-path.js';

const roots: string[] = [];
function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-objects-'));
  roots.push(root);
  return path.join(root, 'objects');
}
function removeRoots(): void {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

objectStoreConformance('filesystem', () => FsObjectStore.open(tempRoot()), async () => removeRoots());

describe('FsObjectStore on disk', () => {
  afterEach(removeRoots);
  const settings = { region: 'us-east-1', ownerAccountId: '111122223333' };

  function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dir, name));
  }

  it('keeps every file of a key inside its bucket folder, whatever the key says', async () => {
    const root = tempRoot();
    const store = await FsObjectStore.open(root);
    await store.createBucket('bucket-1', settings);
    const sneaky = ['../../outside', '../b2/x', '/etc/passwd', '..\\..\\win', '../', '..'];
    for (const key of sneaky) await store.putObject('bucket-1', key, Buffer.from(key));
    const outside = fs.readdirSync(path.dirname(root));
    expect(outside).toEqual(['objects']);
    expect(fs.readdirSync(root)).toEqual(['bucket-1']);
    for (const file of filesUnder(path.join(root, 'bucket-1'))) expect(path.relative(path.join(root, 'bucket-1'), file).startsWith('..')).toBe(false);
    for (const key of sneaky) expect((await readObjectBytes(store, 'bucket-1', key)).bytes.toString()).toBe(key);
  });

  it('writes names of lower-case letters, digits and a few marks only, under 255 bytes', async () => {
    const root = tempRoot();
    const store = await FsObjectStore.open(root);
    await store.createBucket('bucket-1', settings);
    for (const key of ['UPPER/lower', 'ÄÖÜ/日本/😀', 'x'.repeat(1000), 'a b/c?d', 'Key', 'key']) await store.putObject('bucket-1', key, Buffer.from('x'));
    for (const file of filesUnder(path.join(root, 'bucket-1', 'keys'))) {
      const name = path.basename(file);
      expect(name).toMatch(/^[a-z0-9._%^+~-]+$/);
      expect(Buffer.byteLength(name)).toBeLessThan(255);
      expect(['.', '..']).not.toContain(name);
    }
  });

  it('keeps what it stored across a restart', async () => {
    const root = tempRoot();
    const first = await FsObjectStore.open(root);
    await first.createBucket('bucket-1', { region: 'eu-west-1', ownerAccountId: '444455556666' });
    await first.putObject('bucket-1', 'k', Buffer.from('kept'), { userMetadata: { a: 'b' } });
    const second = await FsObjectStore.open(root);
    expect(await second.headBucket('bucket-1')).toMatchObject({ region: 'eu-west-1', ownerAccountId: '444455556666' });
    expect((await readObjectBytes(second, 'bucket-1', 'k')).bytes.toString()).toBe('kept');
    expect(await second.headObject('bucket-1', 'k')).toMatchObject({ userMetadata: { a: 'b' } });
  });

  it('ignores the leftovers of a write that crashed before its commit, and the next write removes them', async () => {
    const root = tempRoot();
    const store = await FsObjectStore.open(root);
    await store.createBucket('bucket-1', settings);
    await store.putObject('bucket-1', 'dir/k', Buffer.from('committed'));
    const { folders, base } = keyToPath('dir/k');
    const folder = path.join(root, 'bucket-1', 'keys', ...folders);
    fs.writeFileSync(path.join(folder, objectFiles.data(base, 'deadbeef')), 'uncommitted bytes');
    fs.writeFileSync(path.join(folder, objectFiles.temp(base, 'cafe')), '{"half": ');
    const { folders: f2, base: b2 } = keyToPath('dir/never');
    fs.writeFileSync(path.join(root, 'bucket-1', 'keys', ...f2, objectFiles.data(b2, 'beef')), 'orphan of a key never committed');
    expect((await readObjectBytes(store, 'bucket-1', 'dir/k')).bytes.toString()).toBe('committed');
    expect((await store.listObjects('bucket-1')).objects.map((o) => o.key)).toEqual(['dir/k']);
    await store.putObject('bucket-1', 'dir/k', Buffer.from('next'));
    const left = fs.readdirSync(folder).filter((name) => name.startsWith(base + '~'));
    expect(left).toHaveLength(2);
    expect(left).toContain(objectFiles.meta(base));
    expect(left.find((name) => name !== objectFiles.meta(base))).toMatch(/^k~v[0-9a-f]+$/);
    expect(left).not.toContain(objectFiles.data(base, 'deadbeef'));
  });

  it('clears an interrupted bucket creation or deletion when it opens', async () => {
    const root = tempRoot();
    await FsObjectStore.open(root);
    fs.mkdirSync(path.join(root, '.staging-1234', 'keys'), { recursive: true });
    fs.mkdirSync(path.join(root, '.deleting-5678'), { recursive: true });
    const store = await FsObjectStore.open(root);
    expect(fs.readdirSync(root)).toEqual([]);
    expect(await store.listBuckets()).toEqual([]);
  });

  it('removes the folders a delete empties', async () => {
    const root = tempRoot();
    const store = await FsObjectStore.open(root);
    await store.createBucket('bucket-1', settings);
    await store.putObject('bucket-1', 'a/b/c/d', Buffer.from('x'));
    await store.deleteObject('bucket-1', 'a/b/c/d');
    expect(fs.readdirSync(path.join(root, 'bucket-1', 'keys'))).toEqual([]);
  });
});
