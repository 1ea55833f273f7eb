// Records the objects CloudTrail's own workers wrote, before those workers commit them as done (delivery ledger,
// digest chain): a crash in between writes the same objects again, and their records, keyed by a stable eventID,
// are ingested idempotently, so each write is recorded exactly once. Internal writes are never authorized: they do
// not pass through the call pipeline.
import type { ObjectStore } from '../../objects/object-store.js';
import type { EventLog } from '../../store/store.js';
import type { Clock } from '../../domain/clock.js';
import { apiCallRecord } from '../../domain/api-call-record.js';
import { indexEvent } from '../../domain/indexed-event.js';
import { cloudTrailPutObjectFacts, type BucketFacts, type ServiceWrite } from './cloudtrail-put-object.js';

export class ServiceWriteRecorder {
  constructor(
    private readonly eventLog: Pick<EventLog, 'ingest'>,
    private readonly objects: Pick<ObjectStore, 'headBucket'>,
    private readonly clock: Clock,
  ) {}

  /** `trailAccountId` stands in as the owner of a bucket opentrail did not create (one in an external store). */
  async recordWrites(writes: readonly ServiceWrite[], trailAccountId: string): Promise<void> {
    if (writes.length === 0) return;
    const time = this.clock.now();
    const buckets = new Map<string, BucketFacts | undefined>();
    const events = [];
    for (const write of writes) {
      if (!buckets.has(write.bucket)) buckets.set(write.bucket, await this.#bucketFacts(write.bucket, trailAccountId));
      const bucket = buckets.get(write.bucket);
      if (!bucket) continue;
      const facts = cloudTrailPutObjectFacts(write, bucket, time);
      events.push(indexEvent(apiCallRecord(facts), { origin: 'recorded', accountId: facts.accountId }));
    }
    await this.eventLog.ingest(events);
  }

  /** undefined when the bucket is gone again: the write is then not there to record. */
  async #bucketFacts(bucket: string, trailAccountId: string): Promise<BucketFacts | undefined> {
    const info = await this.objects.headBucket(bucket);
    return info ? { region: info.region, ownerAccountId: info.ownerAccountId ?? trailAccountId } : undefined;
  }
}
