// Where a validation reads from: the bucket's objects (through an S3 endpoint, or a downloaded copy in a folder)
// and the public keys (ListPublicKeys, or a file written by `opentrail export-public-keys`).

export interface FetchedObject {
  body: Buffer;
  /** The digest's signature as stored with it, when the source keeps object metadata. */
  signature?: string | undefined;
}

export type LogFileHash =
  | { kind: 'hash'; sha256: string } | { kind: 'not-found' } | { kind: 'invalid-format' }
  /** In a bucket the source does not hold (see cannotRead). */
  | { kind: 'unreadable'; reason: string };

export interface ObjectSource {
  /** Every key under `prefix` after `startAfter`, ascending. */
  list(bucket: string, prefix: string, startAfter: string): Promise<string[]>;
  /** undefined when there is no such object. */
  read(bucket: string, key: string): Promise<FetchedObject | undefined>;
  /** SHA-256 hex of the object's first gzip member, decompressed: what digests record of a log file. */
  hashLogFile(bucket: string, key: string): Promise<LogFileHash>;
  /**
   * hashLogFile on this thread, for a source that reads synchronously (the local filesystem), where a promise per
   * file costs more than the file: undefined when only hashLogFile can tell (a damaged file).
   */
  hashLogFileNow?(bucket: string, key: string): LogFileHash | undefined;
  /**
   * Why this source cannot read the bucket's objects at all (a downloaded copy holds one bucket), for the verdict on
   * a file there; undefined when it can read them.
   */
  cannotRead?(bucket: string): string | undefined;
  close(): void | Promise<void>;
}

export interface TrustedKey {
  fingerprint: string;
  pkcs1Der: Buffer;
}

export interface KeySource {
  publicKeys(region: string, fromMs: number, toMs: number): Promise<TrustedKey[]>;
}
