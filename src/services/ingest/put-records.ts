// The native bulk ingest (docs/bulk-ingest.md): full CloudTrail records from trusted producers go into the event log
// as the caller's account's events, so that Event History, trails and event data stores see them like any other.
import { checkProducerRecord, MAX_RECORD_BYTES } from '../../domain/ingest/producer-record.js';
import { indexEvent, InvalidRecordError } from '../../domain/indexed-event.js';
import type { EventLog } from '../../store/store.js';
import { ingestCandidates, type Candidate, type IngestAnswer, type Refused } from './ingest-results.js';

export const INVALID_RECORD = 'InvalidRecord';

export async function putRecords(eventLog: EventLog, records: readonly unknown[], accountId: string): Promise<IngestAnswer> {
  const candidates: Candidate[] = [];
  const refused: Refused[] = [];
  records.forEach((value, index) => {
    const check = checkProducerRecord(value, accountId);
    if (!check.ok) {
      refused.push({ index, code: INVALID_RECORD, message: `Record ${index}: ${check.problem}.` });
      return;
    }
    try {
      const event = indexEvent(check.record, { origin: 'recorded', accountId });
      if (Buffer.byteLength(event.json) > MAX_RECORD_BYTES) {
        refused.push({ index, code: INVALID_RECORD, message: `Record ${index}: the record is larger than ${MAX_RECORD_BYTES / 1024} KB.` });
        return;
      }
      candidates.push({ index, event });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      refused.push({ index, code: INVALID_RECORD, message: `Record ${index}: ${error.message}.` });
    }
  });
  return ingestCandidates(eventLog, candidates, accountId, INVALID_RECORD, refused);
}
