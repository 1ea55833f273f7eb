// A read-only, synchronous view of the filesystem object store, for one-shot tools on the server's host that read
// many small objects in a row (`validate-logs --direct`): a promise per file operation costs more there than the
// reading. Never for the server, whose event loop must not wait on the disk.
import fs from 'node:fs';
import path from 'node:path';
import { isValidBucketName } from '../bucket-name.js';
import { noSuchBucket } from '../object-store-error.js';
import { DataFileIndex } from './data-file-index.js';
import { objectFiles } from './key-path.js';
import { parseObjectMeta } from './object-meta.js';
import { KEYS_FOLDER, ObjectPlaces } from './object-place.js';
import { listTree, readFolderNow } from './tree-listing.js';

export interface ObjectBytes {
  bytes: Buffer;
  userMetadata: Record<string, string>;
}

/** A write replaces an object's data file after its metadata names the new one: a read in between tries again. */
const ATTEMPTS = 5;

export class FsObjectReader {
  readonly #root: string;
  readonly #places: ObjectPlaces;
  readonly #dataFiles = new DataFileIndex();

  constructor(root: string) {
    this.#root = root;
    this.#places = new ObjectPlaces(root);
  }

  /** The object's bytes and user metadata; undefined when there is no such object. */
  read(bucket: string, key: string): ObjectBytes | undefined {
    const place = this.#places.of(bucket, key);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const metaText = readIfPresent(path.join(place.folder, objectFiles.meta(place.base)));
      if (metaText === undefined) return undefined;
      const meta = parseObjectMeta(metaText.toString('utf8'));
      if (meta.key !== key) throw new Error(`The metadata under ${place.folder} belongs to another key.`);
      const bytes = readIfPresent(path.join(place.folder, objectFiles.data(place.base, meta.version)));
      if (bytes) return { bytes, userMetadata: meta.userMetadata };
    }
    throw new Error(`The object ${key} in ${bucket} kept changing while it was read.`);
  }

  /**
   * The object's bytes only; undefined when there is no such object. Objects of a folder already listed are read
   * without their metadata (one file read instead of two), which is what reading a day's log files costs most.
   */
  readBytes(bucket: string, key: string): Buffer | undefined {
    const place = this.#places.of(bucket, key);
    const dataFile = this.#dataFiles.dataFile(place.folder, place.base);
    return (dataFile === undefined ? undefined : readIfPresent(dataFile)) ?? this.read(bucket, key)?.bytes;
  }

  /** Every key under `prefix` after `startAfter`, ascending, as the store lists them; NoSuchBucket for a missing bucket. */
  async listKeys(bucket: string, prefix: string, startAfter: string): Promise<string[]> {
    const keysFolder = path.join(this.#root, bucket, KEYS_FOLDER);
    if (!isValidBucketName(bucket) || !fs.existsSync(keysFolder)) throw noSuchBucket(bucket);
    const query = {
      prefix: Buffer.from(prefix, 'utf8'),
      ...(startAfter ? { startAfter: Buffer.from(startAfter, 'utf8') } : {}),
      maxKeys: Number.MAX_SAFE_INTEGER,
    };
    // Objects are named by their metadata files, which the listing finds: they need not be read for their keys.
    const listing = await listTree(keysFolder, query, async (object) => object.key, readFolderNow);
    return listing.entries.flatMap((entry) => (entry.kind === 'object' ? [entry.value] : []));
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
}
