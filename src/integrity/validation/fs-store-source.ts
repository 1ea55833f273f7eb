// Reads a trail's bucket straight from the data dir's filesystem object store, synchronously, without the API or the
// store itself: for `validate-logs --direct` on the server's host, where a promise per file operation costs more
// than reading the many small log files.
import { FsObjectReader } from '../../objects/fs/fs-object-reader.js';
import { hashGzipBytes, hashGzipBytesNow } from './log-file-hash.js';
import { MemberInflater } from './member-inflater.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class FsStoreSource implements ObjectSource {
  readonly #reader: FsObjectReader;
  readonly #inflater = new MemberInflater();

  /** `root`: the filesystem store's folder in the data dir. */
  constructor(root: string) {
    this.#reader = new FsObjectReader(root);
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

  hashLogFileNow(bucket: string, key: string): LogFileHash | undefined {
    const bytes = this.#reader.readBytes(bucket, key);
    return bytes ? hashGzipBytesNow(bytes, this.#inflater) : { kind: 'not-found' };
  }

  close(): void {
    this.#inflater.close();
  }
}
