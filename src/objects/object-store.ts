// The ObjectStore port: the buckets and objects opentrail keeps (delivered log files, digests, and whatever clients
// put through the S3 endpoint). Named after what callers do, not after S3's wire operations; the filesystem store
// (./fs) and any S3-compatible store (./s3) pass the one conformance suite in ./conformance.
import type { Readable } from 'node:stream';

export interface ObjectStore {
  /** Throws ObjectStoreError 'BucketExists' when the name is taken (by anyone: bucket names are global). */
  createBucket(bucket: string, settings: BucketSettings): Promise<void>;
  /** undefined when there is no such bucket. */
  headBucket(bucket: string): Promise<BucketInfo | undefined>;
  /** Every bucket, by name in ascending order. */
  listBuckets(): Promise<BucketInfo[]>;
  /** Throws 'NoSuchBucket', or 'BucketNotEmpty' while it holds an object. */
  deleteBucket(bucket: string): Promise<void>;

  /** Creates or replaces the object, atomically: readers see the old object or the new one, never a mix. */
  putObject(bucket: string, key: string, body: Uint8Array, options?: ObjectWriteOptions): Promise<PutResult>;
  /** Throws 'NoSuchBucket', 'NoSuchKey', or 'InvalidRange' when the range starts past the end. */
  getObject(bucket: string, key: string, options?: { range?: ByteRange }): Promise<ObjectContent>;
  /** undefined when the key does not exist; throws 'NoSuchBucket' when the bucket does not. */
  headObject(bucket: string, key: string): Promise<ObjectInfo | undefined>;
  listObjects(bucket: string, query?: ListQuery): Promise<ObjectListing>;
  /** Copies the bytes; keeps the source's content type and user metadata unless `replaceMetadata` is given. */
  copyObject(source: ObjectRef, target: ObjectRef, options?: { replaceMetadata?: ObjectWriteOptions }): Promise<CopyResult>;
  /** Succeeds when the key does not exist (as S3 does); throws 'NoSuchBucket' when the bucket does not. */
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Deletes each key independently: one failure does not stop the others. */
  deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteManyResult>;

  /** Releases connections and handles; the store is not used afterwards. */
  close(): Promise<void>;
}

export interface BucketSettings {
  region: string;
  /** The account that created the bucket: only it may use the bucket until bucket policies exist. */
  ownerAccountId: string;
}

export interface BucketInfo {
  name: string;
  region: string;
  /** Absent for a bucket opentrail did not create (one that was already in an external store). */
  ownerAccountId?: string;
  createdAt: Date;
}

export interface ObjectWriteOptions {
  /** Defaults to `binary/octet-stream`, as in S3. */
  contentType?: string;
  /** `x-amz-meta-*` pairs, names in lower case and without the prefix. */
  userMetadata?: Record<string, string>;
}

export interface PutResult {
  /** MD5 hex of the bytes, in double quotes, as S3 writes it. */
  etag: string;
}

export interface CopyResult {
  etag: string;
  lastModified: Date;
}

export interface ObjectRef {
  bucket: string;
  key: string;
}

export interface ObjectSummary {
  key: string;
  size: number;
  etag: string;
  /** Whole seconds, as S3 keeps it. */
  lastModified: Date;
}

export interface ObjectInfo extends ObjectSummary {
  contentType: string;
  userMetadata: Record<string, string>;
}

/** `bytes=first-last`, `bytes=first-` or `bytes=-suffixLength` (RFC 9110 §14.1.2). */
export type ByteRange = { first: number; last?: number } | { suffixLength: number };

export interface ObjectContent {
  info: ObjectInfo;
  /** The bytes served, inclusive; absent when the whole object is. */
  range?: { first: number; last: number };
  /** Must be consumed or destroyed: it holds the object open. */
  body: Readable;
}

export interface ListQuery {
  prefix?: string;
  /** Keys that contain it after the prefix are rolled up into one common prefix, up to its first occurrence. */
  delimiter?: string;
  /** Only keys and common prefixes after this one (in UTF-8 byte order) are listed. */
  startAfter?: string;
  /** Keys and common prefixes together; 1000 when absent, at most 1000. */
  maxKeys?: number;
}

export interface ObjectListing {
  /** Ascending UTF-8 byte order, as S3 lists. */
  objects: ObjectSummary[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix listed, when truncated: the `startAfter` of the next page. */
  nextStartAfter?: string;
}

export interface DeleteManyResult {
  deleted: string[];
  failed: Array<{ key: string; reason: 'InvalidKey' | 'InternalError'; message: string }>;
}

export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';
export const MAX_LIST_KEYS = 1000;
