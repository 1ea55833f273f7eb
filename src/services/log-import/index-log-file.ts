// Turns one log file's text into the events to import, sorting out the records that cannot or need not be.
import { indexEvent, type IndexedEvent } from '../../domain/indexed-event.js';
import type { CloudTrailRecord } from '../../domain/record.js';
import { messageOf, recordsOfLogFile, type RawRecord } from './log-file-records.js';
import { isObject } from '../../domain/json-object.js';

export interface IndexingOptions {
  /** Store every event under this account instead of the record's own. */
  accountId?: string;
  /** Events before this instant are outside the retention window: pruning would drop them at once. */
  cutoffMs: number;
}

export interface IndexedLogFile {
  events: IndexedEvent[];
  records: number;
  tooOld: number;
  invalid: number;
  /** Why the first invalid record was refused, for the report. */
  firstInvalid?: string;
}

/** Throws MalformedLogFileError when the text is not a log file at all. */
export function indexLogFile(text: string, options: IndexingOptions): IndexedLogFile {
  const records = recordsOfLogFile(text);
  const result: IndexedLogFile = { events: [], records: records.length, tooOld: 0, invalid: 0 };
  records.forEach((raw, i) => {
    const indexed = indexRecord(raw, options);
    if (typeof indexed === 'string') {
      result.invalid++;
      result.firstInvalid ??= `record ${i + 1}: ${indexed}`;
    } else if (indexed.timeMs < options.cutoffMs) result.tooOld++;
    else result.events.push(indexed);
  });
  return result;
}

/** The indexed event, or why the record is refused. */
function indexRecord(raw: RawRecord, options: IndexingOptions): IndexedEvent | string {
  if (raw.problem !== undefined) return raw.problem;
  if (!isObject(raw.value)) return 'not a JSON object';
  try {
    return indexEvent(raw.value as CloudTrailRecord, { origin: 'imported', accountId: options.accountId, json: raw.json });
  } catch (err) {
    return messageOf(err);
  }
}
