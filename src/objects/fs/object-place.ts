// Where an object lives in the filesystem store: the folder of its key's path and the base name its data and
// metadata files start with. Shared by the store and its read-only view, which must agree byte for byte.
import path from 'node:path';
import { ObjectStoreError, noSuchBucket } from '../object-store-error.js';
import { isValidBucketName } from '../bucket-name.js';
import { keyProblem } from '../object-key.js';
import { keyToPath } from './key-path.js';

export const KEYS_FOLDER = 'keys';

export interface ObjectPlace {
  folder: string;
  base: string;
}

export function objectPlace(root: string, bucket: string, key: string): ObjectPlace {
  const problem = keyProblem(key);
  if (problem) throw new ObjectStoreError('InvalidKey', problem);
  if (!isValidBucketName(bucket)) throw noSuchBucket(bucket);
  const { folders, base } = keyToPath(key);
  return { folder: path.join(root, bucket, KEYS_FOLDER, ...folders), base };
}

/**
 * objectPlace for many keys of few folders (a day's log files): each key prefix's folder is worked out once, and
 * only the last segment of each key is escaped.
 */
export class ObjectPlaces {
  readonly #root: string;
  readonly #folders = new Map<string, string>();

  constructor(root: string) {
    this.#root = root;
  }

  of(bucket: string, key: string): ObjectPlace {
    const slash = key.lastIndexOf('/');
    const last = keyToPath(key.slice(slash + 1));
    // A last segment too long for one name adds folders of its own: rare enough to place the whole key.
    if (last.folders.length > 0 || slash < 0) return objectPlace(this.#root, bucket, key);
    const problem = keyProblem(key);
    if (problem) throw new ObjectStoreError('InvalidKey', problem);
    const prefix = `${bucket}/${key.slice(0, slash + 1)}`;
    let folder = this.#folders.get(prefix);
    if (folder === undefined) {
      folder = objectPlace(this.#root, bucket, key).folder;
      this.#folders.set(prefix, folder);
    }
    return { folder, base: last.base };
  }
}
