// Per-item answers of the batch ingest operations (PutRecords, PutAuditEvents): which items the event log now holds
// under which eventID, and which were refused, and why. Each operation names its members on the wire.
import type { IndexedEvent } from '../../domain/indexed-event.js';
import type { EventLog } from '../../store/store.js';

export interface Accepted {
  index: number;
  eventId: string;
}

export interface Refused {
  index: number;
  code: string;
  message: string;
}

export interface IngestAnswer {
  accepted: Accepted[];
  refused: Refused[];
}

export interface Candidate {
  index: number;
  event: IndexedEvent;
}

/**
 * Stores the candidates in one group commit. An eventID the caller's account already holds is accepted again
 * (retries); one another account holds is refused, with `conflictCode`.
 */
export async function ingestCandidates(
  eventLog: EventLog,
  candidates: readonly Candidate[],
  accountId: string,
  conflictCode: string,
  refused: Refused[],
): Promise<IngestAnswer> {
  const results = await eventLog.ingest(candidates.map((c) => c.event));
  const accepted: Accepted[] = [];
  candidates.forEach(({ index, event }, i) => {
    const result = results[i];
    if (result && !result.added && result.heldBy !== accountId) {
      refused.push({ index, code: conflictCode, message: `eventID ${event.eventId} is already taken by another event.` });
    } else {
      accepted.push({ index, eventId: event.eventId });
    }
  });
  refused.sort((a, b) => a.index - b.index);
  return { accepted, refused };
}
