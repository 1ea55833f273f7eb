// A read-only, synchronous view of the filesystem object store, for one-shot tools on the server's host that read
// many small objects in a row (`validate-logs --direct`): a promise per file operation costs more there than the
// reading. Never for the server, whose event loop must not wait on the disk.
import fs from 'node:fs';
import path from 'node:path';
import { objectFiles } from './key-path.js';
import { parseObjectMeta } from './object-meta.js';
import { objectPlace } from './object-place.js';

export interface ObjectBytes {
  bytes: Buffer;
  userMetadata: Record<string, string>;
}

/** A write replaces an object's data file after its metadata names the new one: a read in between tries again. */
const ATTEMPTS = 5;

export class FsObjectReader {
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  /** The object's bytes and user metadata; undefined when there is no such object. */
  read(bucket: string, key: string): ObjectBytes | undefined {
    const place = objectPlace(this.#root, bucket, key);
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
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
}
