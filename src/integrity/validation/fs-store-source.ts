// Reads a trail's bucket straight from the data dir's filesystem object store, synchronously, without the API or the
// store itself: for `validate-logs --direct` on the server's host, where a promise per file operation costs more
// than reading the many small log files.
import { FsObjectReader } from '../../objects/fs/fs-object-reader.js';
import { HashThread, startHashHelper, type FileRef } from './hash-thread.js';
import { hashGzipBytes } from './log-file-hash.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class FsStoreSource implements ObjectSource {
  readonly #reader: FsObjectReader;
  readonly #hashing: HashThread | undefined;

  /**
   * `root`: the filesystem store's folder in the data dir. `helper`: hash batches in a second thread too (started
   * now, so that its start overlaps the caller's).
   */
  constructor(root: string, options: { helper: boolean }) {
    this.#reader = new FsObjectReader(root);
    this.#hashing = options.helper ? new HashThread((file) => this.hashLogFile(file.bucket, file.key), startHashHelper(root)) : undefined;
  }

  list(bucket: string, prefix: string, startAfter: string): Promise<string[]> {
    return this.#reader.listKeys(bucket, prefix, startAfter);
  }

  async read(bucket: string, key: string): Promise<FetchedObject | undefined> {
    const object = this.#reader.read(bucket, key);
    return object && { body: object.bytes, signature: object.userMetadata.signature };
  }

  async hashLogFile(bucket: string, key: string): Promise<LogFileHash> {
    const bytes = this.#reader.readBytes(bucket, key);
    return bytes ? hashGzipBytes(bytes) : { kind: 'not-found' };
  }

  hashLogFiles(files: readonly FileRef[]): Promise<LogFileHash[]> {
    return this.#hashing ? this.#hashing.hashAll(files) : Promise.all(files.map((file) => this.hashLogFile(file.bucket, file.key)));
  }

  async close(): Promise<void> {
    await this.#hashing?.close();
  }
}
