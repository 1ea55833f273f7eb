// Reads, parses and indexes a list of log files in order, handing out events in store-sized chunks. The next files
// are read (and gunzipped, on libuv's pool) while the current one is parsed, so I/O rarely stalls the parser.
import type { IndexedEvent } from '../../domain/indexed-event.js';
import { indexLogFile, type IndexingOptions } from './index-log-file.js';
import { MalformedLogFileError, messageOf } from './log-file-records.js';
import { readLogFileText } from './read-log-file.js';
import { describeFsError } from './find-log-files.js';

export interface ParseJob extends IndexingOptions {
  files: string[];
  /** Events per chunk: one store transaction each. */
  chunkSize: number;
}

export interface FileOutcome {
  file: string;
  /** Why the file could not be read at all; then it contributed nothing. */
  error?: string;
  records: number;
  tooOld: number;
  invalid: number;
  firstInvalid?: string;
}

export type ParserOutput = { kind: 'events'; events: IndexedEvent[] } | { kind: 'file'; outcome: FileOutcome };

type ReadResult = { text: string } | { error: string };

// Bounded by count, not size: a few files of even hundreds of megabytes still fit in memory.
const FILES_AHEAD = 4;

/**
 * A file's outcome comes after the chunk that holds its last event, so that a consumer that stores each chunk before
 * taking the next output counts a file done only once all its events are stored.
 */
export async function* parseLogFiles(job: ParseJob): AsyncGenerator<ParserOutput> {
  let pending: IndexedEvent[] = [];
  let waiting: ParserOutput[] = [];
  function* flush(): Generator<ParserOutput> {
    if (pending.length > 0) yield { kind: 'events', events: pending };
    yield* waiting;
    pending = [];
    waiting = [];
  }
  const reads = readAhead(job.files);
  for (const file of job.files) {
    const current = await reads.next();
    const parsed = 'text' in current ? parseOne(file, current.text, job) : failed(file, current.error);
    for (const event of parsed.events) {
      pending.push(event);
      if (pending.length >= job.chunkSize) yield* flush();
    }
    waiting.push({ kind: 'file', outcome: parsed.outcome });
    if (pending.length === 0) yield* flush();
  }
  yield* flush();
}

/**
 * The files' contents in order, a few files ahead: a CloudTrail log file is small, so reading one at a time would
 * leave the parser waiting on each file's open-read-close round trips through libuv's pool.
 */
function readAhead(files: readonly string[]): { next(): Promise<ReadResult> } {
  const started: Promise<ReadResult>[] = [];
  let nextFile = 0;
  return {
    next() {
      while (nextFile < files.length && started.length < FILES_AHEAD) started.push(read(files[nextFile++]!));
      return started.shift()!;
    },
  };
}

/** Never rejects, so that a read started ahead cannot become an unhandled rejection. */
function read(file: string): Promise<ReadResult> {
  return readLogFileText(file).then(
    (text) => ({ text }),
    (err: unknown) => ({ error: err instanceof MalformedLogFileError ? err.message : describeFsError(err) }),
  );
}

function parseOne(file: string, text: string, job: ParseJob): { events: IndexedEvent[]; outcome: FileOutcome } {
  try {
    const { events, ...counts } = indexLogFile(text, job);
    return { events, outcome: { file, ...counts } };
  } catch (err) {
    if (err instanceof MalformedLogFileError) return failed(file, err.message);
    return failed(file, `unexpected error: ${messageOf(err)}`);
  }
}

function failed(file: string, error: string): { events: IndexedEvent[]; outcome: FileOutcome } {
  return { events: [], outcome: { file, error, records: 0, tooOld: 0, invalid: 0 } };
}
