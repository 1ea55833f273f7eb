// Writes a plan's files to the trail's bucket and says what was delivered, for the ledger. The bytes come from the
// plan alone (its keys and sequence numbers), so writing the same plan again rewrites the same objects. The files
// are compressed and written side by side: a delivery of many files uses every core.
import { buildLogFile } from '../domain/delivery/log-file-body.js';
import type { PlannedFile } from '../domain/delivery/plan-log-files.js';
import type { DeliverableEvent } from '../domain/delivery/deliverable-event.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { DeliveredFile, PlannedDelivery } from '../store/delivery-ledger.js';
import type { PlanEvents } from './plan-events.js';
import type { ServiceWrite } from './service-writes/cloudtrail-put-object.js';

export const LOG_FILE_CONTENT_TYPE = 'application/json';

export async function writePlannedFiles(
  objects: ObjectStore,
  plan: PlannedDelivery,
  events: PlanEvents,
  now: () => number,
  written?: ServiceWrite[],
): Promise<DeliveredFile[]> {
  const writes = plan.files.flatMap((file) => {
    const fileEvents = eventsOf(file, events);
    return fileEvents.length === 0 ? [] : [writeFile(objects, plan, file, fileEvents, now, written)];
  });
  // Settled before failing: no write may still be going on when the caller gives up (and closes the store).
  const outcomes = await Promise.allSettled(writes);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<DeliveredFile>).value);
}

/** Only retention can have removed a planned event (it prunes whole old days); the rest still makes the file. */
function eventsOf(file: PlannedFile, events: PlanEvents): DeliverableEvent[] {
  return file.seqs.flatMap((seq) => {
    const event = events.get(seq);
    return event ? [event] : [];
  });
}

async function writeFile(
  objects: ObjectStore,
  plan: PlannedDelivery,
  file: PlannedFile,
  fileEvents: readonly DeliverableEvent[],
  now: () => number,
  written?: ServiceWrite[],
): Promise<DeliveredFile> {
  const bytes = await buildLogFile(fileEvents.map((event) => event.json));
  // No Content-Encoding: clients that inflate transparently would otherwise break digest hashes (spec §9.13).
  await objects.putObject(plan.bucket, file.key, bytes.gzip, { contentType: LOG_FILE_CONTENT_TYPE });
  written?.push({ bucket: plan.bucket, key: file.key, bytes: bytes.gzip.length });
  return deliveredFile(plan, file, fileEvents, bytes.sha256, now());
}

function deliveredFile(
  plan: PlannedDelivery,
  file: PlannedFile,
  fileEvents: readonly DeliverableEvent[],
  sha256: string,
  deliveredMs: number,
): DeliveredFile {
  let oldestEventMs = Infinity;
  let newestEventMs = -Infinity;
  for (const event of fileEvents) {
    oldestEventMs = Math.min(oldestEventMs, event.timeMs);
    newestEventMs = Math.max(newestEventMs, event.timeMs);
  }
  return {
    trailArn: plan.trailArn,
    bucket: plan.bucket,
    key: file.key,
    accountId: file.accountId,
    region: file.region,
    sha256,
    oldestEventMs,
    newestEventMs,
    deliveredMs,
    firstSeq: fileEvents[0]!.seq,
    lastSeq: fileEvents[fileEvents.length - 1]!.seq,
    eventCount: fileEvents.length,
  };
}
