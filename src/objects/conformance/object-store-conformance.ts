// The contract every ObjectStore backend must pass: the filesystem store and the S3 store (against moto_server) run
// this same suite. Each test gets a fresh, empty store from `open`.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectListing, ObjectStore, ListQuery } from '../object-store.js';
import { DEFAULT_CONTENT_TYPE } from '../object-store.js';
import { ObjectStoreError, type ObjectStoreFailure } from '../object-store-error.js';
import { readObjectBytes } from '../object-bytes.js';
import { compareUtf8 } from '../utf8-order.js';

const OWNER = '111122223333';
const REGION = 'us-east-1';
const BUCKET = 'conformance-bucket';

type CurrentStore = () => ObjectStore;

export function objectStoreConformance(name: string, open: () => Promise<ObjectStore>, cleanup?: () => Promise<void>): void {
  describe(`ObjectStore conformance: ${name}`, () => {
    let store: ObjectStore | undefined;
    const current: CurrentStore = () => {
      if (!store) throw new Error('no store is open');
      return store;
    };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
      await cleanup?.();
    });

    buckets(current);
    objects(current);
    ranges(current);
    keys(current);
    listing(current);
    copying(current);
    deleting(current);
    concurrency(current);
  });
}

async function failure(promise: Promise<unknown>): Promise<{ reason: ObjectStoreFailure; objectSize?: number }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ObjectStoreError) return { reason: err.reason, ...(err.objectSize !== undefined ? { objectSize: err.objectSize } : {}) };
    throw err;
  }
  throw new Error('the call succeeded');
}

const md5Etag = (bytes: Uint8Array): string => `"${createHash('md5').update(bytes).digest('hex')}"`;

async function withBucket(store: ObjectStore, bucket = BUCKET): Promise<string> {
  await store.createBucket(bucket, { region: REGION, ownerAccountId: OWNER });
  return bucket;
}

async function text(store: ObjectStore, bucket: string, key: string): Promise<string> {
  return (await readObjectBytes(store, bucket, key)).bytes.toString('utf8');
}

/** Every key and common prefix, page by page, following nextStartAfter as a client follows NextMarker. */
async function listAll(store: ObjectStore, bucket: string, query: ListQuery): Promise<{ items: string[]; pages: ObjectListing[] }> {
  const pages: ObjectListing[] = [];
  let startAfter = query.startAfter;
  for (;;) {
    const page = await store.listObjects(bucket, { ...query, ...(startAfter ? { startAfter } : {}) });
    pages.push(page);
    if (!page.isTruncated) break;
    expect(page.nextStartAfter).toBeTruthy();
    startAfter = page.nextStartAfter;
    if (pages.length > 1000) throw new Error('the listing does not end');
  }
  const items = pages.flatMap((p) => [...p.objects.map((o) => o.key), ...p.commonPrefixes].sort(compareUtf8));
  return { items, pages };
}

function buckets(store: CurrentStore): void {
  describe('buckets', () => {
    it('creates a bucket that keeps its region, owner and creation time', async () => {
      const before = Date.now();
      await store().createBucket('bucket-one', { region: 'eu-west-1', ownerAccountId: OWNER });
      const info = await store().headBucket('bucket-one');
      expect(info).toMatchObject({ name: 'bucket-one', region: 'eu-west-1', ownerAccountId: OWNER });
      expect(info!.createdAt.getTime()).toBeGreaterThan(before - 2_000);
      expect(info!.createdAt.getTime()).toBeLessThan(Date.now() + 2_000);
    });

    it('lists buckets by name', async () => {
      for (const name of ['zeta-bucket', 'alpha-bucket', 'mid.bucket']) await withBucket(store(), name);
      const names = (await store().listBuckets()).map((b) => b.name);
      expect(names).toEqual(['alpha-bucket', 'mid.bucket', 'zeta-bucket']);
    });

    it('refuses a name that is taken', async () => {
      await withBucket(store());
      expect(await failure(withBucket(store()))).toEqual({ reason: 'BucketExists' });
    });

    it('refuses names that break the bucket naming rules', async () => {
      for (const name of ['ab', 'Upper-case', 'under_score', 'a..b', '-leading', 'trailing-', '192.168.1.1', 'x'.repeat(64), '../escape']) {
        expect(await failure(withBucket(store(), name)), name).toEqual({ reason: 'InvalidBucketName' });
      }
    });

    it('answers undefined for a bucket that does not exist', async () => {
      expect(await store().headBucket('no-such-bucket')).toBeUndefined();
      expect(await store().headBucket('../etc')).toBeUndefined();
    });

    it('deletes an empty bucket, and only an empty one', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'k', Buffer.from('x'));
      expect(await failure(store().deleteBucket(bucket))).toEqual({ reason: 'BucketNotEmpty' });
      await store().deleteObject(bucket, 'k');
      await store().deleteBucket(bucket);
      expect(await store().headBucket(bucket)).toBeUndefined();
      expect((await store().listBuckets()).map((b) => b.name)).not.toContain(bucket);
      expect(await failure(store().deleteBucket(bucket))).toEqual({ reason: 'NoSuchBucket' });
    });

    it('lets a deleted bucket name be created again, empty', async () => {
      const bucket = await withBucket(store());
      await store().deleteBucket(bucket);
      await withBucket(store());
      expect((await store().listObjects(bucket)).objects).toEqual([]);
    });

    it('answers NoSuchBucket for every object call on a missing bucket', async () => {
      const s = store();
      const calls: Array<() => Promise<unknown>> = [
        () => s.putObject('no-such-bucket', 'k', Buffer.from('x')),
        () => s.getObject('no-such-bucket', 'k'),
        () => s.headObject('no-such-bucket', 'k'),
        () => s.listObjects('no-such-bucket'),
        () => s.deleteObject('no-such-bucket', 'k'),
        () => s.deleteObjects('no-such-bucket', ['k']),
        () => s.copyObject({ bucket: 'no-such-bucket', key: 'k' }, { bucket: 'no-such-bucket', key: 'j' }),
      ];
      for (const call of calls) expect(await failure(call()), String(call)).toEqual({ reason: 'NoSuchBucket' });
    });
  });
}

function objects(store: CurrentStore): void {
  describe('objects', () => {
    it('gives back the bytes, ETag, size, content type and user metadata it was given', async () => {
      const bucket = await withBucket(store());
      const body = randomBytes(70_000);
      const before = Date.now();
      const put = await store().putObject(bucket, 'dir/file.bin', body, {
        contentType: 'application/x-test',
        userMetadata: { 'signature': 'abc123', 'signature-algorithm': 'SHA256withRSA' },
      });
      expect(put.etag).toBe(md5Etag(body));
      const { info, bytes } = await readObjectBytes(store(), bucket, 'dir/file.bin');
      expect(bytes.equals(body)).toBe(true);
      expect(info).toMatchObject({
        key: 'dir/file.bin', size: body.length, etag: md5Etag(body), contentType: 'application/x-test',
        userMetadata: { 'signature': 'abc123', 'signature-algorithm': 'SHA256withRSA' },
      });
      expect(info.lastModified.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 2_000);
      expect(info.lastModified.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
      expect(await store().headObject(bucket, 'dir/file.bin')).toEqual(info);
    });

    it('defaults the content type to binary/octet-stream, and keeps an empty object', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'empty', new Uint8Array(0));
      const info = await store().headObject(bucket, 'empty');
      expect(info).toMatchObject({ size: 0, contentType: DEFAULT_CONTENT_TYPE, userMetadata: {}, etag: md5Etag(new Uint8Array(0)) });
      expect(await text(store(), bucket, 'empty')).toBe('');
    });

    it('replaces an object whole, metadata included', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'k', Buffer.from('first version, longer'), { userMetadata: { a: '1' } });
      await store().putObject(bucket, 'k', Buffer.from('second'), { contentType: 'text/plain' });
      expect(await text(store(), bucket, 'k')).toBe('second');
      expect(await store().headObject(bucket, 'k')).toMatchObject({ size: 6, contentType: 'text/plain', userMetadata: {} });
      expect((await store().listObjects(bucket)).objects.map((o) => o.key)).toEqual(['k']);
    });

    it('answers NoSuchKey for a missing object, and undefined from headObject', async () => {
      const bucket = await withBucket(store());
      expect(await failure(store().getObject(bucket, 'missing'))).toEqual({ reason: 'NoSuchKey' });
      expect(await store().headObject(bucket, 'missing')).toBeUndefined();
    });

    it('keeps a 5 MB object intact', async () => {
      const bucket = await withBucket(store());
      const body = randomBytes(5 * 1024 * 1024);
      await store().putObject(bucket, 'big', body);
      const { bytes } = await readObjectBytes(store(), bucket, 'big');
      expect(bytes.length).toBe(body.length);
      expect(bytes.equals(body)).toBe(true);
    });

    it('refuses keys S3 refuses: empty, or over 1024 bytes', async () => {
      const bucket = await withBucket(store());
      for (const key of ['', 'é'.repeat(513)]) {
        expect(await failure(store().putObject(bucket, key, Buffer.from('x'))), key).toEqual({ reason: 'InvalidKey' });
      }
    });
  });
}

function ranges(store: CurrentStore): void {
  describe('byte ranges', () => {
    const body = Buffer.from('0123456789abcdefghij');
    const cases: Array<[string, Parameters<ObjectStore['getObject']>[2], string, { first: number; last: number }]> = [
      ['first-last', { range: { first: 2, last: 5 } }, '2345', { first: 2, last: 5 }],
      ['first-', { range: { first: 15 } }, 'fghij', { first: 15, last: 19 }],
      ['a suffix', { range: { suffixLength: 3 } }, 'hij', { first: 17, last: 19 }],
      ['a suffix longer than the object', { range: { suffixLength: 50 } }, body.toString(), { first: 0, last: 19 }],
      ['a last byte past the end', { range: { first: 18, last: 99 } }, 'ij', { first: 18, last: 19 }],
      ['one byte', { range: { first: 0, last: 0 } }, '0', { first: 0, last: 0 }],
    ];
    for (const [what, options, expected, range] of cases) {
      it(`serves ${what}`, async () => {
        const bucket = await withBucket(store());
        await store().putObject(bucket, 'r', body);
        const content = await store().getObject(bucket, 'r', options);
        const chunks: Buffer[] = [];
        for await (const chunk of content.body) chunks.push(Buffer.from(chunk as Uint8Array));
        expect(Buffer.concat(chunks).toString()).toBe(expected);
        expect(content.range).toEqual(range);
        expect(content.info.size).toBe(body.length);
      });
    }

    it('refuses a range that starts past the end, telling the size', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'r', body);
      expect(await failure(store().getObject(bucket, 'r', { range: { first: 20 } }))).toEqual({ reason: 'InvalidRange', objectSize: 20 });
    });
  });
}

/** Keys that are ordinary to S3 but dangerous or ambiguous as file names. */
const AWKWARD_KEYS = [
  '../../escape', '..', '.', './x', 'a/../b', '/leading', 'a//b', 'trailing/', 'x', 'x/y', 'Key', 'key', 'KEY',
  'spa ce', 'plus+sign', 'per%cent', 'tilde~meta', 'caret^a', 'q?uery#frag', 'back\\slash', 'colon:star*', 'tab\there',
  'grüße/ünïcödé', '日本語/キー', 'emoji 😀', 'nul\u0000byte', 'x'.repeat(300) + '/long-segment', 'y'.repeat(1024),
  'AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/10/123456789012_CloudTrail_us-east-1_20250310T1200Z_AbCdEf0123456789.json.gz',
];

function keys(store: CurrentStore): void {
  describe('keys', () => {
    it('keeps every awkward key apart, and gives each back exactly', async () => {
      const bucket = await withBucket(store());
      for (const key of AWKWARD_KEYS) await store().putObject(bucket, key, Buffer.from(`body of ${key}`));
      for (const key of AWKWARD_KEYS) expect(await text(store(), bucket, key), key).toBe(`body of ${key}`);
      const { items } = await listAll(store(), bucket, {});
      expect(items).toEqual([...AWKWARD_KEYS].sort(compareUtf8));
    });
  });
}

function listing(store: CurrentStore): void {
  describe('listing', () => {
    it('lists keys in UTF-8 byte order, not UTF-16 order', async () => {
      const bucket = await withBucket(store());
      const names = ['a/b', 'a-c', 'a0', 'a', 'A', 'z', '\u00e9', '\uff5e', '\u{1f600}', 'ab', 'a/'];
      for (const key of names) await store().putObject(bucket, key, Buffer.from('x'));
      const listed = (await store().listObjects(bucket)).objects.map((o) => o.key);
      expect(listed).toEqual(['A', 'a', 'a-c', 'a/', 'a/b', 'a0', 'ab', 'z', '\u00e9', '\uff5e', '\u{1f600}']);
    });

    it('returns size, ETag and last-modified time with each key', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'one', Buffer.from('12345'));
      const [summary] = (await store().listObjects(bucket)).objects;
      expect(summary).toMatchObject({ key: 'one', size: 5, etag: md5Etag(Buffer.from('12345')) });
      expect(summary!.lastModified).toBeInstanceOf(Date);
    });

    it('filters by prefix and rolls keys up into common prefixes at the delimiter', async () => {
      const bucket = await withBucket(store());
      const all = ['logs/2025/01/a', 'logs/2025/02/b', 'logs/2025/02/c', 'logs/readme', 'logs-old/x', 'other/y', 'logs/'];
      for (const key of all) await store().putObject(bucket, key, Buffer.from('x'));
      const top = await store().listObjects(bucket, { delimiter: '/' });
      expect(top).toMatchObject({ objects: [], commonPrefixes: ['logs-old/', 'logs/', 'other/'], isTruncated: false });
      const logs = await store().listObjects(bucket, { prefix: 'logs/', delimiter: '/' });
      expect(logs.objects.map((o) => o.key)).toEqual(['logs/', 'logs/readme']);
      expect(logs.commonPrefixes).toEqual(['logs/2025/']);
      const year = await store().listObjects(bucket, { prefix: 'logs/2025/', delimiter: '/' });
      expect(year.commonPrefixes).toEqual(['logs/2025/01/', 'logs/2025/02/']);
      const flat = await store().listObjects(bucket, { prefix: 'logs/2025' });
      expect(flat.objects.map((o) => o.key)).toEqual(['logs/2025/01/a', 'logs/2025/02/b', 'logs/2025/02/c']);
      const partial = await store().listObjects(bucket, { prefix: 'logs/2025/0', delimiter: '/' });
      expect(partial.commonPrefixes).toEqual(['logs/2025/01/', 'logs/2025/02/']);
      expect((await store().listObjects(bucket, { prefix: 'nothing/' })).objects).toEqual([]);
    });

    it('rolls up at a delimiter other than a slash', async () => {
      const bucket = await withBucket(store());
      for (const key of ['a-1-x', 'a-1-y', 'a-2', 'b/c-d', 'b']) await store().putObject(bucket, key, Buffer.from('x'));
      const listed = await store().listObjects(bucket, { delimiter: '-' });
      expect(listed.objects.map((o) => o.key)).toEqual(['b']);
      expect(listed.commonPrefixes).toEqual(['a-', 'b/c-']);
      const deeper = await store().listObjects(bucket, { prefix: 'a-', delimiter: '-' });
      expect(deeper.objects.map((o) => o.key)).toEqual(['a-2']);
      expect(deeper.commonPrefixes).toEqual(['a-1-']);
    });

    it('pages through keys and common prefixes with maxKeys and startAfter, without repeats', async () => {
      const bucket = await withBucket(store());
      const all: string[] = [];
      for (const dir of ['d1', 'd2', 'd3']) for (let i = 0; i < 4; i++) all.push(`${dir}/k${i}`);
      all.push('top-a', 'top-b', 'e');
      for (const key of all) await store().putObject(bucket, key, Buffer.from('x'));
      for (const maxKeys of [1, 2, 3, 5]) {
        const flat = await listAll(store(), bucket, { maxKeys });
        expect(flat.items, `flat, ${maxKeys} a page`).toEqual([...all].sort(compareUtf8));
        expect(flat.pages.every((p) => p.objects.length + p.commonPrefixes.length <= maxKeys)).toBe(true);
        const rolled = await listAll(store(), bucket, { maxKeys, delimiter: '/' });
        expect(rolled.items, `rolled up, ${maxKeys} a page`).toEqual(['d1/', 'd2/', 'd3/', 'e', 'top-a', 'top-b']);
      }
    });

    it('truncates exactly at maxKeys and says where to go on', async () => {
      const bucket = await withBucket(store());
      for (const key of ['a', 'b', 'c']) await store().putObject(bucket, key, Buffer.from('x'));
      const two = await store().listObjects(bucket, { maxKeys: 2 });
      expect(two).toMatchObject({ isTruncated: true, nextStartAfter: 'b' });
      expect(two.objects.map((o) => o.key)).toEqual(['a', 'b']);
      const three = await store().listObjects(bucket, { maxKeys: 3 });
      expect(three.isTruncated).toBe(false);
      expect(three.nextStartAfter).toBeUndefined();
    });

    it('starts after any key, present or not', async () => {
      const bucket = await withBucket(store());
      for (const key of ['a', 'b/1', 'b/2', 'c']) await store().putObject(bucket, key, Buffer.from('x'));
      const keysAfter = async (startAfter: string) => (await store().listObjects(bucket, { startAfter })).objects.map((o) => o.key);
      expect(await keysAfter('a')).toEqual(['b/1', 'b/2', 'c']);
      expect(await keysAfter('b')).toEqual(['b/1', 'b/2', 'c']);
      expect(await keysAfter('b/1')).toEqual(['b/2', 'c']);
      expect(await keysAfter('bz')).toEqual(['c']);
      expect(await keysAfter('c')).toEqual([]);
    });

    it('lists 1000 keys at most a page', async () => {
      const bucket = await withBucket(store());
      const all = Array.from({ length: 1005 }, (_, i) => `k${String(i).padStart(4, '0')}`);
      await Promise.all(all.map((key) => store().putObject(bucket, key, Buffer.from('x'))));
      const first = await store().listObjects(bucket, { maxKeys: 5000 });
      expect(first.objects.length).toBe(1000);
      expect(first).toMatchObject({ isTruncated: true, nextStartAfter: 'k0999' });
      const rest = await store().listObjects(bucket, { startAfter: first.nextStartAfter! });
      expect(rest.objects.map((o) => o.key)).toEqual(all.slice(1000));
    });
  });
}

function copying(store: CurrentStore): void {
  describe('copy', () => {
    it('copies bytes and metadata to another key and another bucket', async () => {
      const bucket = await withBucket(store());
      const other = await withBucket(store(), 'other-bucket');
      await store().putObject(bucket, 'src', Buffer.from('payload'), { contentType: 'text/plain', userMetadata: { m: 'v' } });
      const copy = await store().copyObject({ bucket, key: 'src' }, { bucket: other, key: 'dst/copy' });
      expect(copy.etag).toBe(md5Etag(Buffer.from('payload')));
      expect(copy.lastModified).toBeInstanceOf(Date);
      expect(await text(store(), other, 'dst/copy')).toBe('payload');
      expect(await store().headObject(other, 'dst/copy')).toMatchObject({ contentType: 'text/plain', userMetadata: { m: 'v' } });
      expect(await text(store(), bucket, 'src')).toBe('payload');
    });

    it('replaces the metadata when asked, including onto the same key', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'src', Buffer.from('payload'), { contentType: 'text/plain', userMetadata: { m: 'v' } });
      await store().copyObject({ bucket, key: 'src' }, { bucket, key: 'src' }, { replaceMetadata: { contentType: 'application/json', userMetadata: { n: 'w' } } });
      expect(await store().headObject(bucket, 'src')).toMatchObject({ contentType: 'application/json', userMetadata: { n: 'w' }, size: 7 });
      expect(await text(store(), bucket, 'src')).toBe('payload');
    });

    it('answers NoSuchKey for a missing source', async () => {
      const bucket = await withBucket(store());
      expect(await failure(store().copyObject({ bucket, key: 'missing' }, { bucket, key: 'dst' }))).toEqual({ reason: 'NoSuchKey' });
    });
  });
}

function deleting(store: CurrentStore): void {
  describe('delete', () => {
    it('deletes an object, and succeeds again for a key that is gone', async () => {
      const bucket = await withBucket(store());
      await store().putObject(bucket, 'a/b/c', Buffer.from('x'));
      await store().putObject(bucket, 'a/b', Buffer.from('y'));
      await store().deleteObject(bucket, 'a/b/c');
      await store().deleteObject(bucket, 'a/b/c');
      await store().deleteObject(bucket, 'never-there');
      expect(await store().headObject(bucket, 'a/b/c')).toBeUndefined();
      expect(await text(store(), bucket, 'a/b')).toBe('y');
      expect((await store().listObjects(bucket, { delimiter: '/' })).commonPrefixes).toEqual(['a/']);
      await store().deleteObject(bucket, 'a/b');
      expect(await store().listObjects(bucket, { delimiter: '/' })).toMatchObject({ objects: [], commonPrefixes: [] });
    });

    it('deletes many keys at once, present or not', async () => {
      const bucket = await withBucket(store());
      for (const key of ['k1', 'k2', 'dir/k3', 'keep']) await store().putObject(bucket, key, Buffer.from('x'));
      const result = await store().deleteObjects(bucket, ['k1', 'k2', 'dir/k3', 'absent']);
      expect([...result.deleted].sort()).toEqual(['absent', 'dir/k3', 'k1', 'k2']);
      expect(result.failed).toEqual([]);
      expect((await store().listObjects(bucket)).objects.map((o) => o.key)).toEqual(['keep']);
    });
  });
}

function concurrency(store: CurrentStore): void {
  describe('concurrent writes', () => {
    it('leaves one whole version after racing writes of one key, and readers only ever see whole versions', async () => {
      const bucket = await withBucket(store());
      const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024 + i, String.fromCharCode(97 + i)));
      const etags = new Set(versions.map(md5Etag));
      await store().putObject(bucket, 'hot', versions[0]!);
      const reads = Array.from({ length: 16 }, async () => {
        const { info, bytes } = await readObjectBytes(store(), bucket, 'hot');
        expect(etags.has(info.etag)).toBe(true);
        expect(md5Etag(bytes)).toBe(info.etag);
      });
      await Promise.all([...versions.map((v) => store().putObject(bucket, 'hot', v)), ...reads]);
      const { info, bytes } = await readObjectBytes(store(), bucket, 'hot');
      expect(md5Etag(bytes)).toBe(info.etag);
      expect(etags.has(info.etag)).toBe(true);
      expect((await store().listObjects(bucket)).objects.map((o) => o.key)).toEqual(['hot']);
    });

    it('keeps neighbours when keys in one folder are written and deleted at once', async () => {
      const bucket = await withBucket(store());
      const names = Array.from({ length: 20 }, (_, i) => `shared/folder/k${i}`);
      await Promise.all(names.map((key) => store().putObject(bucket, key, Buffer.from(key))));
      await Promise.all(names.map((key, i) => (i % 2 === 0 ? store().deleteObject(bucket, key) : store().putObject(bucket, key, Buffer.from(key + '!')))));
      const listed = (await store().listObjects(bucket)).objects.map((o) => o.key);
      expect(listed).toEqual(names.filter((_, i) => i % 2 === 1).sort(compareUtf8));
      for (const key of listed) expect(await text(store(), bucket, key)).toBe(key + '!');
    });
  });
}
