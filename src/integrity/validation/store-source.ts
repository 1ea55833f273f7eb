// Reads a trail's bucket straight from the external S3 store opentrail is configured with, without opentrail's API:
// for `validate-logs --direct` on the server's host (./fs-store-source.ts reads the data dir's filesystem store).
import type { ObjectStore } from '../../objects/object-store.js';
import { isObjectStoreError } from '../../objects/object-store-error.js';
import { hashGzipStream } from './log-file-hash.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class StoreSource implements ObjectSource {
  readonly #objects: ObjectStore;

  constructor(objects: ObjectStore) {
    this.#objects = objects;
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
    try {
      return await hashGzipStream((await this.#objects.getObject(bucket, key)).body);
    } catch (err) {
      if (isObjectStoreError(err, 'NoSuchKey')) return { kind: 'not-found' };
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.#objects.close();
  }
}
