// Turns the events a trail receives from one stretch of the event log into the files that will hold them: one file
// per (account, region), split when it would exceed the size limit, each under its deterministic key.
import { deliveryGroups } from './delivery-groups.js';
import { logFileKey, logFileUnique } from './log-file-key.js';
import { LOG_FILE_BODY_TARGET_BYTES, splitBySize } from './log-file-split.js';
import type { DeliverableEvent } from './deliverable-event.js';

export interface PlannedFile {
  key: string;
  accountId: string;
  region: string;
  /** The sequence numbers of the file's records, ascending: its content, whatever the trail's settings become. */
  seqs: number[];
}

export interface LogFileDestination {
  trailArn: string;
  prefix?: string | undefined;
  fileTimeMs: number;
}

export function planLogFiles(
  events: readonly DeliverableEvent[],
  destination: LogFileDestination,
  maxBodyBytes: number = LOG_FILE_BODY_TARGET_BYTES,
): PlannedFile[] {
  return deliveryGroups(events).flatMap(({ accountId, region, events: groupEvents }) =>
    splitBySize(groupEvents, maxBodyBytes).map((fileEvents) => {
      const seqs = fileEvents.map((item) => item.seq);
      const unique = logFileUnique({
        trailArn: destination.trailArn, accountId, region, firstSeq: seqs[0]!, lastSeq: seqs[seqs.length - 1]!,
      });
      const key = logFileKey({ prefix: destination.prefix, accountId, region, fileTimeMs: destination.fileTimeMs, unique });
      return { key, accountId, region, seqs };
    }),
  );
}
