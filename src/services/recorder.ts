// Turns the facts of a finished call into its record and commits it to the event log before the caller gets an
// answer. If the record cannot be stored, the call fails: nothing happens unrecorded.
import type { EventLog } from '../store/store.js';
import { apiCallRecord, type ApiCallFacts } from '../domain/api-call-record.js';
import { indexEvent } from '../domain/indexed-event.js';
import type { CloudTrailRecord } from '../domain/record.js';

export class Recorder {
  constructor(private readonly eventLog: EventLog) {}

  async recordCall(facts: ApiCallFacts): Promise<CloudTrailRecord> {
    const record = apiCallRecord(facts);
    await this.eventLog.append([indexEvent(record, { origin: 'recorded', accountId: facts.accountId })]);
    return record;
  }

  /** Records the copies of one call in the accounts it concerns, committed together: all or none. */
  async recordCopies(copies: readonly ApiCallFacts[]): Promise<CloudTrailRecord[]> {
    const records = copies.map(apiCallRecord);
    await this.eventLog.append(records.map((record, i) => indexEvent(record, { origin: 'recorded', accountId: copies[i]!.accountId })));
    return records;
  }
}
