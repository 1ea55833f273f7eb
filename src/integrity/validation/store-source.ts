// Reads a trail's bucket straight from opentrail's object store (the data dir's filesystem store, or the external S3
// store it is configured with), without the API: for `validate-logs --direct` on the server's host.
import type { ObjectStore } from '../../objects/object-store.js';
import { isObjectStoreError } from '../../objects/object-store-error.js';
import type { FsObjectReader } from '../../objects/fs/fs-object-reader.js';
import { hashGzipBytes, hashGzipStream } from './log-file-hash.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class StoreSource implements ObjectSource {
  readonly #objects: ObjectStore;
  readonly #reader: FsObjectReader | undefined;

  /** `reader`: the filesystem store's synchronous view, which reads its many small files faster. */
  constructor(objects: ObjectStore, reader?: FsObjectReader) {
    this.#objects = objects;
    this.#reader = reader;
  }

  async list(bucket: string, prefix: string, startAfter: string): Promise<string[]> {
    const keys: string[] = [];
    let after: string | undefined = startAfter;
    for (;;) {
      const page = await this.#objects.listObjects(bucket, { prefix, ...(after ? { startAfter: after } : {}) });
      keys.push(...page.objects.map((o) => o.key));
      if (!page.isTruncated) return keys;
      after = page.nextStartAfter;
    }
  }

  async read(bucket: string, key: string): Promise<FetchedObject | undefined> {
    if (this.#reader) {
      const object = this.#reader.read(bucket, key);
      return object && { body: object.bytes, signature: object.userMetadata.signature };
    }
    try {
      const content = await this.#objects.getObject(bucket, key);
      const chunks: Buffer[] = [];
      for await (const chunk of content.body) chunks.push(chunk as Buffer);
      return { body: Buffer.concat(chunks), signature: content.info.userMetadata.signature };
    } catch (err) {
      if (isObjectStoreError(err, 'NoSuchKey')) return undefined;
      throw err;
    }
  }

  async hashLogFile(bucket: string, key: string): Promise<LogFileHash> {
    if (this.#reader) {
      const object = this.#reader.read(bucket, key);
      return object ? hashGzipBytes(object.bytes) : { kind: 'not-found' };
    }
    try {
      return await hashGzipStream((await this.#objects.getObject(bucket, key)).body);
    } catch (err) {
      if (isObjectStoreError(err, 'NoSuchKey')) return { kind: 'not-found' };
      throw err;
    }
  }

  close(): void {}
}
