// An event on its way to trails. Its record is parsed at most once, and only when a trail's decision needs more
// than the facts read with it, however many trails look at it.
import type { CloudTrailRecord } from '../record.js';
import type { DeliverableEvent } from './deliverable-event.js';

export class CandidateEvent {
  #record: CloudTrailRecord | undefined;

  constructor(readonly event: DeliverableEvent) {}

  get seq(): number {
    return this.event.seq;
  }

  get record(): CloudTrailRecord {
    this.#record ??= JSON.parse(this.event.json) as CloudTrailRecord;
    return this.#record;
  }
}
