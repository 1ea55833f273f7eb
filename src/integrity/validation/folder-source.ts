// A downloaded copy of a trail's bucket (`aws s3 sync s3://bucket DIR`): object keys are paths under the folder.
// It holds that one bucket: a file that a digest or a link places in another bucket cannot be checked from it.
// A copy keeps no object metadata, so a digest's signature comes from a `<key>.signature` file beside it when there
// is one; otherwise the validator takes it from the next digest's previousDigestSignature or from a checkpoint.
import fs from 'node:fs';
import path from 'node:path';
import { hashGzipStream } from './log-file-hash.js';
import type { FetchedObject, LogFileHash, ObjectSource } from './sources.js';

export class FolderSource implements ObjectSource {
  readonly #root: string;
  readonly #bucket: string | undefined;

  /** `bucket`: the bucket the folder is a copy of; undefined to take it for a copy of any bucket. */
  constructor(root: string, bucket?: string) {
    this.#root = path.resolve(root);
    this.#bucket = bucket;
  }

  cannotRead(bucket: string): string | undefined {
    if (this.#bucket === undefined || bucket === this.#bucket) return undefined;
    return `not in the offline copy, which holds s3://${this.#bucket} only`;
  }

  async list(_bucket: string, prefix: string, startAfter: string): Promise<string[]> {
    const slash = prefix.lastIndexOf('/');
    const base = slash < 0 ? '' : prefix.slice(0, slash);
    const keys: string[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const key = `${keyPrefix}${entry.name}`;
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${key}/`);
        else if (key.startsWith(prefix) && key > startAfter && !key.endsWith('.signature')) keys.push(key);
      }
    };
    await walk(this.#file(base), base ? `${base}/` : '');
    return keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }

  async read(_bucket: string, key: string): Promise<FetchedObject | undefined> {
    try {
      const body = await fs.promises.readFile(this.#file(key));
      const signature = await fs.promises.readFile(this.#file(`${key}.signature`), 'utf8').catch(() => undefined);
      return { body, signature: signature?.trim() };
    } catch {
      return undefined;
    }
  }

  async hashLogFile(_bucket: string, key: string): Promise<LogFileHash> {
    const file = this.#file(key);
    if (!fs.existsSync(file)) return { kind: 'not-found' };
    return hashGzipStream(fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
  }

  close(): void {}

  #file(key: string): string {
    const file = path.resolve(this.#root, key);
    // Keys come from digests, which may be forged: never read outside the copy.
    if (file !== this.#root && !file.startsWith(this.#root + path.sep)) throw new Error(`key ${JSON.stringify(key)} leaves the folder`);
    return file;
  }
}
