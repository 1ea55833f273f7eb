import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import type { IndexedEvent } from '../domain/indexed-event.js';
import type { ImportOutcome } from '../store/store.js';
import { importLogFiles, type EventImporter, type ImportProgress, type LogFileImportOptions } from './log-file-import.js';
import { serveParseJob } from './log-import/parser-thread.js';
import type { ParserOutput } from './log-import/parse-log-files.js';

/** The store's import contract, in memory: new events by eventId are added, the rest are duplicates. */
class FakeEventLog implements EventImporter {
  readonly events = new Map<string, IndexedEvent>();
  readonly batchSizes: number[] = [];

  async importEvents(events: readonly IndexedEvent[]): Promise<ImportOutcome> {
    this.batchSizes.push(events.length);
    let added = 0;
    for (const event of events) {
      if (this.events.has(event.eventId)) continue;
      this.events.set(event.eventId, event);
      added++;
    }
    return { added, duplicates: events.length - added };
  }
}

const NOW = Date.UTC(2025, 5, 1, 12);
const ACCOUNT = '111122223333';

function record(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', accountId: ACCOUNT, userName: 'alice', accessKeyId: 'AKIAEXAMPLE0000001' },
    eventTime: new Date(NOW - 3_600_000 - n * 1000).toISOString().slice(0, 19) + 'Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    requestParameters: null,
    responseElements: null,
    eventID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...overrides,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => record(from + i));
const logFile = (records: unknown[]) => JSON.stringify({ Records: records });

let dir: string;
let eventLog: FakeEventLog;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'opentrail-import-'));
  eventLog = new FakeEventLog();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

function run(paths: string[], options: Partial<LogFileImportOptions> = {}) {
  return importLogFiles(eventLog, paths, { retentionDays: 90, clock: new ManualClock(NOW), parser: 'inline', ...options });
}

describe('importLogFiles', () => {
  it('walks a folder for .json and .json.gz files, in sorted order, and loads them all', async () => {
    await put('b/2.json.gz', gzipSync(logFile(range(10, 20))));
    await put('a/1.json', logFile(range(0, 10)));
    await put('a/nested/deeper/3.JSON.GZ', gzipSync(logFile(range(20, 25))));
    await put('LICENSE', 'MIT');
    await put('notes.txt', 'not a log file');
    const done: string[] = [];

    const summary = await run([dir], { onProgress: (p) => done.push(`${p.filesDone}/${p.filesTotal}`) });

    expect(summary).toMatchObject({ files: 3, events: 25, skipped: 0, failedFiles: 0, invalidRecords: 0, errors: [] });
    expect(eventLog.events.size).toBe(25);
    expect(done).toContain('3/3');
    const first = [...eventLog.events.values()][0];
    expect(first).toMatchObject({ origin: 'imported', accountId: ACCOUNT, region: 'us-east-1' });
  });

  it('skips digest files, which share the log files extension but hold no records', async () => {
    await put('AWSLogs/1/CloudTrail/us-east-1/2025/06/01/log.json.gz', gzipSync(logFile(range(0, 2))));
    await put('AWSLogs/1/CloudTrail-Digest/us-east-1/2025/06/01/digest.json.gz', gzipSync('{"digestStartTime":"x"}'));
    const summary = await run([dir]);
    expect(summary).toMatchObject({ files: 1, events: 2, errors: [] });
  });

  it('reads a named file whatever its name, and multi-member gzip', async () => {
    const text = logFile(range(0, 6));
    const cut = text.indexOf('},{') + 2;
    const file = await put('export.log', Buffer.concat([gzipSync(text.slice(0, cut)), gzipSync(text.slice(cut))]));
    expect(await run([file])).toMatchObject({ files: 1, events: 6, errors: [] });
  });

  it('reports a malformed file by name and reason, and still loads the others', async () => {
    const good = await put('good.json.gz', gzipSync(logFile(range(0, 3))));
    const truncated = await put('truncated.json.gz', gzipSync(logFile(range(3, 6))).subarray(0, 40));
    const notJson = await put('garbage.json', 'this is\nnot json\u0000');
    const noRecords = await put('other.json', '{"Events":[]}');
    const missing = path.join(dir, 'missing.json');

    const summary = await run([good, truncated, notJson, noRecords, missing]);

    expect(summary).toMatchObject({ files: 1, events: 3, failedFiles: 4 });
    expect(summary.errors).toEqual(expect.arrayContaining([
      { file: truncated, message: expect.stringMatching(/^not valid gzip/) },
      { file: notJson, message: expect.stringMatching(/^not valid JSON/) },
      { file: noRecords, message: 'no "Records" array' },
      { file: missing, message: 'no such file or directory' },
    ]));
    expect(summary.errors.filter((e) => /[\n\u0000]/.test(e.message))).toEqual([]);
  });

  it('counts an invalid record as an error, skips it, and loads the rest of its file', async () => {
    const { eventID: _dropped, ...noId } = record(1);
    const file = await put('mixed.json', logFile([record(0), noId, 42, record(2, { eventTime: 'yesterday' })]));

    const summary = await run([file]);

    expect(summary).toMatchObject({ files: 1, events: 1, invalidRecords: 3, failedFiles: 0 });
    expect(summary.errors).toEqual([{ file, message: '3 invalid records skipped (record 2: eventID is missing)' }]);
  });

  it('adds nothing when the same files are imported again, and reports them as skipped', async () => {
    await put('1.json.gz', gzipSync(logFile(range(0, 40))));
    await run([dir]);
    const again = await run([dir]);
    expect(again).toMatchObject({ files: 1, events: 0, skipped: 40, duplicates: 40 });
    expect(eventLog.events.size).toBe(40);
  });

  it('reads a file named twice only once', async () => {
    const file = await put('1.json', logFile(range(0, 5)));
    expect(await run([file, dir, path.relative(process.cwd(), file)])).toMatchObject({ files: 1, events: 5, skipped: 0 });
  });

  it('skips events older than the retention window', async () => {
    const old = record(1, { eventTime: new Date(NOW - 91 * 86_400_000).toISOString() });
    await put('1.json', logFile([record(0), old]));
    expect(await run([dir])).toMatchObject({ events: 1, skipped: 1, tooOld: 1 });
    expect(await run([dir], { retentionDays: 365 })).toMatchObject({ events: 1, skipped: 1, duplicates: 1, tooOld: 0 });
  });

  it('stores events under the account given instead of the records own', async () => {
    await put('1.json', logFile(range(0, 3)));
    await run([dir], { accountId: '999988887777' });
    expect([...eventLog.events.values()].map((e) => e.accountId)).toEqual(['999988887777', '999988887777', '999988887777']);
  });

  it('writes in batches of the given size', async () => {
    await put('1.json', logFile(range(0, 25)));
    await put('2.json', logFile(range(25, 32)));
    await run([dir], { batchSize: 10 });
    expect(eventLog.batchSizes).toEqual([10, 10, 10, 2]);
  });

  it('counts a file done only once all its events are stored', async () => {
    await put('1.json', logFile(range(0, 3)));
    await put('2.json', logFile(range(3, 6)));
    const seen: number[][] = [];
    await run([dir], { batchSize: 4, onProgress: (p) => seen.push([p.filesDone, p.events]) });
    expect(seen).toEqual([[0, 4], [1, 4], [1, 6], [2, 6]]);
  });

  it('reports progress as files are read and events stored', async () => {
    await put('1.json', logFile(range(0, 3)));
    await put('2.json', 'nope');
    const seen: ImportProgress[] = [];
    await run([dir], { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ filesDone: 2, filesTotal: 2, events: 3, skipped: 0, errors: 1 });
  });
});

describe('log file shapes', () => {
  it('keeps each record exactly as written when the file is compact', async () => {
    const raw = '{"eventVersion":"1.08","eventTime":"2025-06-01T10:00:00Z","awsRegion":"us-east-1",'
      + '"eventID":"exact-1","eventType":"AwsApiCall","eventCategory":"Management","recipientAccountId":"111122223333",'
      + '"requestParameters":{"size":1.0,"big":12345678901234567890,"name":"caf\\u00e9 \\"quoted\\" \\\\"}}';
    await put('1.json', `{"Records":[${raw}]}`);
    await run([dir]);
    expect(eventLog.events.get('exact-1')?.json).toBe(raw);
  });

  it('re-serializes records of a pretty-printed file compactly', async () => {
    await put('1.json', JSON.stringify({ Records: [record(0)] }, null, 2));
    await run([dir]);
    expect([...eventLog.events.values()][0]?.json).toBe(JSON.stringify(record(0)));
  });

  it('takes the last Records member, as JSON.parse does', async () => {
    await put('1.json', `{"Records":[${JSON.stringify(record(0))}], "Records" : [ ${JSON.stringify(record(1))} ]}`);
    await run([dir]);
    expect([...eventLog.events.values()].map((e) => e.json)).toEqual([JSON.stringify(record(1))]);
  });

  it('accepts a bare array of records, one record, and one record per line', async () => {
    await put('array.json', JSON.stringify(range(0, 3)));
    await put('one.json', JSON.stringify(record(3)));
    await put('lines.json', `${JSON.stringify(record(4))}\r\n\n${JSON.stringify(record(5))}\nnot json\n`);
    await put('bom.json', `\ufeff${logFile([record(6)])}`);

    const summary = await run([dir]);

    expect(summary).toMatchObject({ files: 4, events: 7, invalidRecords: 1 });
    expect(summary.errors).toEqual([
      { file: path.join(dir, 'lines.json'), message: expect.stringMatching(/^1 invalid record skipped \(record 3: line 4 is not valid JSON/) },
    ]);
    expect(eventLog.events.get(record(4).eventID as string)?.json).toBe(JSON.stringify(record(4)));
  });

  it('refuses an empty file and a JSON value that is no log file', async () => {
    await put('empty.json', '');
    await put('number.json', '42');
    const summary = await run([dir]);
    expect(summary.errors.map((e) => e.message).sort()).toEqual(['empty file', 'no "Records" array']);
  });
});

describe('the parser thread protocol', () => {
  it('runs at most a few chunks ahead of the inserting thread', async () => {
    await put('1.json', logFile(range(0, 100)));
    const posted: ParserOutput[] = [];
    let giveCredit: () => void = () => {};
    const port = {
      postMessage: (message: ParserOutput) => posted.push(message),
      on: (_event: 'message', listener: () => void) => (giveCredit = listener),
    };
    const finished = serveParseJob(port as never, { files: [path.join(dir, '1.json')], cutoffMs: 0, chunkSize: 10 });
    // Events cross as encoded chunks (event-chunk.ts).
    const chunks = () => posted.filter((m) => (m.kind as string) === 'chunk');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chunks()).toHaveLength(3);

    for (let i = 0; i < 7; i++) giveCredit();
    await finished;
    expect(chunks()).toHaveLength(10);
    expect(posted.at(-1)).toEqual({ kind: 'done' });
  });
});
