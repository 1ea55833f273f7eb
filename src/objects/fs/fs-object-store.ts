// The default ObjectStore: buckets as folders under `<data-dir>/objects/`, one process at a time.
//
//   <root>/<bucket>/bucket.json        region, owner, creation time
//   <root>/<bucket>/keys/<escaped key>  see key-path.ts: folders per key segment, then per object
//                                       `<name>~meta` (the commit point) and `<name>~v<version>` (the bytes)
//
// A write puts the bytes in a new version file, fsyncs it, then renames a new metadata file over the old one; the
// superseded version is removed afterwards. A crash leaves either the old object or the new one, plus at worst an
// unreferenced version file that the next write or delete of that key removes.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  BucketInfo, BucketSettings, ByteRange, CopyResult, DeleteManyResult, ListQuery, ObjectContent, ObjectInfo,
  ObjectListing, ObjectRef, ObjectStore, ObjectSummary, ObjectWriteOptions, PutResult,
} from '../object-store.js';
import { DEFAULT_CONTENT_TYPE, MAX_LIST_KEYS } from '../object-store.js';
import { ObjectStoreError, isObjectStoreError, noSuchBucket, noSuchKey } from '../object-store-error.js';
import { isValidBucketName } from '../bucket-name.js';
import { resolveRange } from '../byte-range.js';
import { objectFiles } from './key-path.js';
import { KEYS_FOLDER, objectPlace, type ObjectPlace } from './object-place.js';
import { KeyedLock } from './keyed-lock.js';
import { makeFolders, replaceFile, syncFolder, writeNewFile } from './durable-files.js';
import {
  formatBucketMeta, objectInfoOf, parseBucketMeta, parseObjectMeta, wholeSeconds, type ObjectMeta,
} from './object-meta.js';
import { listTree } from './tree-listing.js';

const BUCKET_FILE = 'bucket.json';
/** Leftovers of an interrupted bucket creation or deletion; never valid bucket names, so never listed. */
const STAGING = '.staging-';
const DELETING = '.deleting-';
/** A folder may vanish under a write when a delete of a neighbouring key prunes it; the write then starts over. */
const ATTEMPTS = 5;

export class FsObjectStore implements ObjectStore {
  private readonly locks = new KeyedLock();

  private constructor(private readonly root: string) {}

  /** Opens (creating if needed) the store under `root`, clearing what an interrupted bucket operation left. */
  static async open(root: string): Promise<FsObjectStore> {
    await makeFolders(root);
    for (const name of await fs.readdir(root)) {
      if (name.startsWith(STAGING) || name.startsWith(DELETING)) await fs.rm(path.join(root, name), { recursive: true, force: true });
    }
    return new FsObjectStore(root);
  }

  async createBucket(bucket: string, settings: BucketSettings): Promise<void> {
    if (!isValidBucketName(bucket)) throw new ObjectStoreError('InvalidBucketName', `${bucket} is not a valid bucket name.`);
    const info: BucketInfo = { name: bucket, ...settings, createdAt: wholeSeconds(new Date()) };
    const staging = path.join(this.root, STAGING + randomHex());
    await fs.mkdir(path.join(staging, KEYS_FOLDER), { recursive: true });
    await writeNewFile(path.join(staging, BUCKET_FILE), Buffer.from(formatBucketMeta(info), 'utf8'));
    await syncFolder(staging);
    try {
      await fs.rename(staging, this.bucketFolder(bucket));
    } catch (err) {
      await fs.rm(staging, { recursive: true, force: true });
      if (['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(errno(err))) {
        throw new ObjectStoreError('BucketExists', `The bucket ${bucket} already exists.`);
      }
      throw err;
    }
    await syncFolder(this.root);
  }

  async headBucket(bucket: string): Promise<BucketInfo | undefined> {
    if (!isValidBucketName(bucket)) return undefined;
    try {
      return parseBucketMeta(await fs.readFile(path.join(this.bucketFolder(bucket), BUCKET_FILE), 'utf8'));
    } catch (err) {
      if (errno(err) === 'ENOENT' || errno(err) === 'ENOTDIR') return undefined;
      throw err;
    }
  }

  async listBuckets(): Promise<BucketInfo[]> {
    const names = (await fs.readdir(this.root)).filter(isValidBucketName).sort();
    const buckets = await Promise.all(names.map((name) => this.headBucket(name)));
    return buckets.filter((bucket): bucket is BucketInfo => bucket !== undefined);
  }

  async deleteBucket(bucket: string): Promise<void> {
    await this.locks.exclusive(bucketLock(bucket), async () => {
      await this.requireBucket(bucket);
      const listing = await this.listObjects(bucket, { maxKeys: 1 });
      if (listing.objects.length > 0) throw new ObjectStoreError('BucketNotEmpty', `The bucket ${bucket} is not empty.`);
      const doomed = path.join(this.root, DELETING + randomHex());
      await fs.rename(this.bucketFolder(bucket), doomed);
      await syncFolder(this.root);
      await fs.rm(doomed, { recursive: true, force: true });
    });
  }

  async putObject(bucket: string, key: string, body: Uint8Array, options: ObjectWriteOptions = {}): Promise<PutResult> {
    const place = this.objectPlace(bucket, key);
    return this.locks.shared(bucketLock(bucket), async () => {
      await this.requireBucket(bucket);
      const written = await this.locks.exclusive(objectLock(bucket, key), () => this.writeObject(place, key, body, options));
      return { etag: written.etag };
    });
  }

  async getObject(bucket: string, key: string, options: { range?: ByteRange } = {}): Promise<ObjectContent> {
    const place = this.objectPlace(bucket, key);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const meta = await this.readMeta(bucket, key, place);
      if (!meta) throw noSuchKey(bucket, key);
      const range = options.range ? resolveRange(options.range, meta.size) : undefined;
      const handle = await openIfPresent(path.join(place.folder, objectFiles.data(place.base, meta.version)));
      // A write replaced the object between reading its metadata and opening its bytes: read the new one.
      if (!handle) continue;
      const body = handle.createReadStream(range ? { start: range.first, end: range.last } : {});
      return { info: objectInfoOf(meta), ...(range ? { range } : {}), body };
    }
    throw new Error(`The object ${key} in ${bucket} kept changing while it was read.`);
  }

  async headObject(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    const meta = await this.readMeta(bucket, key, this.objectPlace(bucket, key));
    return meta ? objectInfoOf(meta) : undefined;
  }

  async listObjects(bucket: string, query: ListQuery = {}): Promise<ObjectListing> {
    await this.requireBucket(bucket);
    const listing = await listTree(
      path.join(this.bucketFolder(bucket), KEYS_FOLDER),
      {
        prefix: Buffer.from(query.prefix ?? '', 'utf8'),
        ...(query.delimiter ? { delimiter: Buffer.from(query.delimiter, 'utf8') } : {}),
        ...(query.startAfter ? { startAfter: Buffer.from(query.startAfter, 'utf8') } : {}),
        maxKeys: Math.min(query.maxKeys ?? MAX_LIST_KEYS, MAX_LIST_KEYS),
      },
      async ({ folder, base }) => {
        const meta = await readMetaFile(path.join(folder, objectFiles.meta(base)));
        return meta ? summaryOf(meta) : undefined;
      },
    );
    const objects: ObjectSummary[] = [];
    const commonPrefixes: string[] = [];
    for (const entry of listing.entries) {
      if (entry.kind === 'object') objects.push(entry.value);
      else commonPrefixes.push(entry.prefix);
    }
    const last = listing.entries.at(-1);
    const nextStartAfter = last && listing.isTruncated ? (last.kind === 'object' ? last.value.key : last.prefix) : undefined;
    return { objects, commonPrefixes, isTruncated: listing.isTruncated, ...(nextStartAfter ? { nextStartAfter } : {}) };
  }

  async copyObject(source: ObjectRef, target: ObjectRef, options: { replaceMetadata?: ObjectWriteOptions } = {}): Promise<CopyResult> {
    const place = this.objectPlace(target.bucket, target.key);
    return this.locks.shared(bucketLock(target.bucket), async () => {
      await this.requireBucket(target.bucket);
      return this.locks.exclusive(objectLock(target.bucket, target.key), async () => {
        const { info, body } = await this.getObject(source.bucket, source.key);
        const metadata = options.replaceMetadata ?? { contentType: info.contentType, userMetadata: info.userMetadata };
        return this.writeObject(place, target.key, body, metadata);
      });
    });
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    const place = this.objectPlace(bucket, key);
    await this.locks.shared(bucketLock(bucket), async () => {
      await this.requireBucket(bucket);
      await this.locks.exclusive(objectLock(bucket, key), () => this.removeObject(bucket, place));
    });
  }

  async deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteManyResult> {
    await this.requireBucket(bucket);
    const result: DeleteManyResult = { deleted: [], failed: [] };
    for (const key of keys) {
      try {
        await this.deleteObject(bucket, key);
        result.deleted.push(key);
      } catch (err) {
        if (isObjectStoreError(err, 'NoSuchBucket')) throw err;
        const known = isObjectStoreError(err, 'InvalidKey');
        result.failed.push({ key, reason: known ? 'InvalidKey' : 'InternalError', message: known ? err.message : 'The object could not be deleted.' });
      }
    }
    return result;
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }

  private async writeObject(
    place: ObjectPlace,
    key: string,
    content: AsyncIterable<Uint8Array> | Uint8Array,
    options: ObjectWriteOptions,
  ): Promise<CopyResult> {
    const version = randomHex();
    const dataFile = path.join(place.folder, objectFiles.data(place.base, version));
    const written = await withFolder(place.folder, () => writeNewFile(dataFile, content));
    const meta: ObjectMeta = {
      key,
      size: written.size,
      etag: `"${written.md5Hex}"`,
      lastModified: wholeSeconds(new Date()).toISOString(),
      contentType: options.contentType || DEFAULT_CONTENT_TYPE,
      userMetadata: { ...options.userMetadata },
      version,
    };
    try {
      const metaFile = path.join(place.folder, objectFiles.meta(place.base));
      await replaceFile(metaFile, path.join(place.folder, objectFiles.temp(place.base, randomHex())), JSON.stringify(meta));
    } catch (err) {
      await fs.rm(dataFile, { force: true });
      throw err;
    }
    await removeVersions(place, objectFiles.data(place.base, version));
    return { etag: meta.etag, lastModified: new Date(meta.lastModified) };
  }

  private async removeObject(bucket: string, place: ObjectPlace): Promise<void> {
    try {
      await fs.unlink(path.join(place.folder, objectFiles.meta(place.base)));
      await syncFolder(place.folder);
    } catch (err) {
      if (errno(err) !== 'ENOENT' && errno(err) !== 'ENOTDIR') throw err;
    }
    await removeVersions(place);
    await pruneFolders(place.folder, path.join(this.bucketFolder(bucket), KEYS_FOLDER));
  }

  private async readMeta(bucket: string, key: string, place: ObjectPlace): Promise<ObjectMeta | undefined> {
    const meta = await readMetaFile(path.join(place.folder, objectFiles.meta(place.base)));
    if (!meta) await this.requireBucket(bucket);
    if (meta && meta.key !== key) throw new Error(`The metadata under ${place.folder} belongs to another key.`);
    return meta;
  }

  private async requireBucket(bucket: string): Promise<BucketInfo> {
    const info = await this.headBucket(bucket);
    if (!info) throw noSuchBucket(bucket);
    return info;
  }

  private objectPlace(bucket: string, key: string): ObjectPlace {
    return objectPlace(this.root, bucket, key);
  }

  private bucketFolder(bucket: string): string {
    return path.join(this.root, bucket);
  }
}

const bucketLock = (bucket: string): string => `bucket\0${bucket}`;
const objectLock = (bucket: string, key: string): string => `object\0${bucket}\0${key}`;

/** Runs a write into `folder`, creating the folder first and again if a concurrent prune removed it. */
async function withFolder<T>(folder: string, write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      await makeFolders(folder);
      return await write();
    } catch (err) {
      if (errno(err) === 'ENAMETOOLONG') throw new ObjectStoreError('InvalidKey', 'The key is too long for this filesystem.');
      if (errno(err) !== 'ENOENT' || attempt === ATTEMPTS) throw err;
    }
  }
}

/** Removes the object's data versions and temporaries, except `keep`. */
async function removeVersions(place: ObjectPlace, keep?: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(place.folder);
  } catch (err) {
    if (errno(err) === 'ENOENT' || errno(err) === 'ENOTDIR') return;
    throw err;
  }
  const stale = names.filter((name) => name !== keep && objectFiles.isVersionOrTemp(place.base, name));
  await Promise.all(stale.map((name) => fs.rm(path.join(place.folder, name), { force: true })));
}

/** Removes the emptied folders from `folder` up to (not including) `top`. */
async function pruneFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; current !== top && current.startsWith(top); current = path.dirname(current)) {
    try {
      await fs.rmdir(current);
    } catch {
      return; // not empty (or already gone): the folders above are not empty either
    }
  }
}

async function readMetaFile(file: string): Promise<ObjectMeta | undefined> {
  try {
    return parseObjectMeta(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if (['ENOENT', 'ENOTDIR', 'ENAMETOOLONG'].includes(errno(err))) return undefined;
    throw err;
  }
}

async function openIfPresent(file: string): Promise<fs.FileHandle | undefined> {
  try {
    return await fs.open(file, 'r');
  } catch (err) {
    if (errno(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function summaryOf(meta: ObjectMeta): ObjectSummary {
  return { key: meta.key, size: meta.size, etag: meta.etag, lastModified: new Date(meta.lastModified) };
}

function randomHex(): string {
  return randomBytes(8).toString('hex');
}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? '';
}
