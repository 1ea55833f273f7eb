// Reads a trail's bucket through any S3 endpoint (opentrail's own, or the external store it writes to), many
// objects at once. Path-style addressing, as botocore uses with a custom endpoint (spec §3.8).
import { GetObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { hashGzipStream } from './log-file-hash.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class S3Source implements ObjectSource {
  readonly #s3: S3Client;

  constructor(config: S3ClientConfig) {
    this.#s3 = new S3Client({ forcePathStyle: true, ...config });
  }

  async list(bucket: string, prefix: string, startAfter: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.#s3.send(new ListObjectsV2Command({
        Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : { StartAfter: startAfter }),
      }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async read(bucket: string, key: string): Promise<FetchedObject | undefined> {
    try {
      const object = await this.#s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await object.Body!.transformToByteArray());
      return { body, signature: object.Metadata?.signature };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async hashLogFile(bucket: string, key: string): Promise<LogFileHash> {
    try {
      const object = await this.#s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return hashGzipStream(object.Body as Readable);
    } catch (err) {
      if (isNotFound(err)) return { kind: 'not-found' };
      throw err;
    }
  }

  close(): void {
    this.#s3.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  return (err as { name?: string }).name === 'NoSuchKey';
}
