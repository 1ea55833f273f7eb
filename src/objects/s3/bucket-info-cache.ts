// Remembers what the backing store said about a bucket for a few seconds: every object call checks its bucket's
// owner and region, and asking the store twice per call would double its latency. Only found buckets are kept, so
// a bucket created elsewhere is seen at once; a deletion elsewhere is seen within the TTL.
import type { BucketInfo } from '../object-store.js';

const TTL_MS = 5_000;

export class BucketInfoCache {
  private readonly entries = new Map<string, { value: BucketInfo; expires: number }>();

  async get(name: string, load: () => Promise<BucketInfo | undefined>): Promise<BucketInfo | undefined> {
    const hit = this.entries.get(name);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await load();
    if (value === undefined) this.entries.delete(name);
    else this.entries.set(name, { value, expires: Date.now() + TTL_MS });
    return value;
  }

  forget(name: string): void {
    this.entries.delete(name);
  }
}
