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
