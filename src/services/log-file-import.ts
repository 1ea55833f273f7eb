// `opentrail import`: loads CloudTrail log files into the event log (and so Event History). Safe to repeat: the
// store adds only events it does not have yet, so a second run over the same files adds nothing.
import type { EventLog, ImportOutcome } from '../store/store.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { findLogFiles, type FileProblem } from './log-import/find-log-files.js';
import { parseLogFiles, type FileOutcome, type ParseJob, type ParserOutput } from './log-import/parse-log-files.js';
import { parseInWorker, workerAvailable } from './log-import/parser-thread.js';

const DAY_MS = 86_400_000;
// Each batch is one write transaction. A server sharing the database records nothing while one runs (measured with
// a server appending every 50 ms during a 290,000-event import: no failed append, p99 wait 0.4-0.75 s), so batches
// stay well under a second; bigger ones did not import measurably faster end to end.
const DEFAULT_BATCH_SIZE = 5_000;

export type EventImporter = Pick<EventLog, 'importEvents'>;

export interface LogFileImportOptions {
  /** Store every event under this account instead of each record's `recipientAccountId`. */
  accountId?: string;
  /** Events older than this many days are skipped: retention would prune them at once. */
  retentionDays: number;
  clock?: Clock;
  /** Events per store call. */
  batchSize?: number;
  /** `auto`: a worker thread when running from a build, else this thread. */
  parser?: 'auto' | 'worker' | 'inline';
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  /** Events added so far. */
  events: number;
  skipped: number;
  errors: number;
}

export interface ImportError {
  file: string;
  message: string;
}

export interface ImportSummary {
  /** Log files read; those that could not be are in `errors`. */
  files: number;
  /** Events added to the store. */
  events: number;
  /** `duplicates` + `tooOld`. */
  skipped: number;
  duplicates: number;
  tooOld: number;
  /** Files that could not be read at all. */
  failedFiles: number;
  /** Records refused inside files that were read. */
  invalidRecords: number;
  /** One per file that failed or had invalid records. */
  errors: ImportError[];
}

export async function importLogFiles(
  eventLog: EventImporter,
  paths: readonly string[],
  options: LogFileImportOptions,
): Promise<ImportSummary> {
  const found = await findLogFiles(paths);
  const tally = new ImportTally(found.files.length, found.problems, options.onProgress);
  const job: ParseJob = {
    files: found.files,
    accountId: options.accountId,
    cutoffMs: (options.clock ?? systemClock).now().getTime() - options.retentionDays * DAY_MS,
    chunkSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
  };
  for await (const output of parserFor(options.parser ?? 'auto')(job)) {
    if (output.kind === 'events') tally.stored(await eventLog.importEvents(output.events));
    else tally.fileDone(output.outcome);
  }
  return tally.summary();
}

function parserFor(mode: 'auto' | 'worker' | 'inline'): (job: ParseJob) => AsyncIterable<ParserOutput> {
  if (mode === 'worker' || (mode === 'auto' && workerAvailable())) return parseInWorker;
  return parseLogFiles;
}

class ImportTally {
  private readonly result: ImportSummary = {
    files: 0, events: 0, skipped: 0, duplicates: 0, tooOld: 0, failedFiles: 0, invalidRecords: 0, errors: [],
  };
  private filesDone = 0;

  constructor(
    private readonly filesTotal: number,
    problems: readonly FileProblem[],
    private readonly onProgress: ((progress: ImportProgress) => void) | undefined,
  ) {
    for (const problem of problems) this.failed(problem.file, problem.message);
  }

  stored(outcome: ImportOutcome): void {
    this.result.events += outcome.added;
    this.result.duplicates += outcome.duplicates;
    this.report();
  }

  fileDone(outcome: FileOutcome): void {
    this.filesDone++;
    if (outcome.error !== undefined) this.failed(outcome.file, outcome.error);
    else this.read(outcome);
    this.report();
  }

  summary(): ImportSummary {
    return { ...this.result, skipped: this.result.duplicates + this.result.tooOld, errors: [...this.result.errors] };
  }

  private read(outcome: FileOutcome): void {
    this.result.files++;
    this.result.tooOld += outcome.tooOld;
    if (outcome.invalid === 0) return;
    this.result.invalidRecords += outcome.invalid;
    const what = outcome.invalid === 1 ? '1 invalid record skipped' : `${outcome.invalid} invalid records skipped`;
    this.result.errors.push({ file: outcome.file, message: `${what} (${outcome.firstInvalid ?? 'no reason given'})` });
  }

  private failed(file: string, message: string): void {
    this.result.failedFiles++;
    this.result.errors.push({ file, message });
  }

  private report(): void {
    const { events, duplicates, tooOld, failedFiles, invalidRecords } = this.result;
    this.onProgress?.({
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      events,
      skipped: duplicates + tooOld,
      errors: failedFiles + invalidRecords,
    });
  }
}
