// `importLogFiles` into the real SQLite store, checked against the 2,900 published sample events: every Event
// History attribute finds exactly the events that the decompressed files say it should.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { HistoryFilter, HistoryPosition, HistoryRow, Store } from '../../src/store/store.js';
import type { LookupAttributeKey } from '../../src/domain/history-attributes.js';
import { importLogFiles, type ImportSummary } from '../../src/services/log-file-import.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.resolve(repoRoot, '../shared/data/invictus-sample-logs');
const ACCOUNT = '123837392027';
const REGION = 'us-east-1';
// The samples are from July 2023: far outside the default 90 days.
const RETENTION_DAYS = 36_500;
const KMS_KEY = 'AWS::KMS::Key';

interface SampleRecord {
  eventID: string;
  eventName: string;
  eventSource: string;
  readOnly?: boolean;
  userIdentity: { type?: string; userName?: string; arn?: string; invokedBy?: string; accessKeyId?: string };
  resources?: { ARN: string; type?: string }[];
  requestParameters?: Record<string, unknown> | null;
}

let workDir: string;
let logsDir: string;
let store: Store;
let texts: string[];
let records: SampleRecord[];
let firstImport: ImportSummary;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'opentrail-import-samples-'));
  logsDir = await copySamples(path.join(workDir, 'logs'));
  texts = await Promise.all((await logFiles(logsDir)).map(async (f) => gunzipSync(await readFile(f)).toString('utf8')));
  records = texts.flatMap((text) => (JSON.parse(text) as { Records: SampleRecord[] }).Records);
  store = await openStore({ dataDir: path.join(workDir, 'data') });
  firstImport = await importLogFiles(store.eventLog, [logsDir], { retentionDays: RETENTION_DAYS });
});

afterAll(async () => {
  await store?.close();
  await rm(workDir, { recursive: true, force: true });
});

async function copySamples(to: string): Promise<string> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(SAMPLES)) await copyFile(path.join(SAMPLES, name), path.join(to, name));
  return to;
}

async function logFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.json.gz')).sort().map((n) => path.join(dir, n));
}

/** Every row Event History returns for one filter, page by page. */
async function lookupAll(filter: HistoryFilter): Promise<HistoryRow[]> {
  const rows: HistoryRow[] = [];
  let after: HistoryPosition | undefined;
  do {
    const page = await store.eventHistory.lookup({
      accountId: ACCOUNT, region: REGION, startMs: Date.UTC(2023, 6, 10), endMs: Date.UTC(2023, 6, 11),
      filters: [filter], category: 'management', limit: 50, after,
    });
    rows.push(...page.rows);
    const last = page.rows.at(-1);
    after = page.more && last ? { timeMs: last.timeMs, seq: last.seq } : undefined;
  } while (after);
  return rows;
}

function countBy(values: Iterable<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

async function expectLookupCounts(key: LookupAttributeKey, expected: Map<string, number>): Promise<void> {
  expect(expected.size).toBeGreaterThan(0);
  const actual = new Map<string, number>();
  for (const value of expected.keys()) actual.set(value, (await lookupAll({ key, value })).length);
  expect(actual).toEqual(expected);
}

/** AWS's Event History user name: the IAM user's name, the role session's name, or the invoking service. */
function expectedUsername(identity: SampleRecord['userIdentity']): string | undefined {
  if (identity.type === 'IAMUser') return identity.userName;
  if (identity.type === 'AssumedRole') return identity.arn?.split('/').at(-1);
  if (identity.type === 'AWSService') return identity.invokedBy;
  return undefined;
}

const resourcesOf = (r: SampleRecord) => r.resources ?? [];

describe('import of the Invictus sample logs into SQLite', () => {
  it('loads all 2,900 events from the 55 files', () => {
    expect(records).toHaveLength(2_900);
    expect(firstImport).toMatchObject({ files: 55, events: 2_900, skipped: 0, failedFiles: 0, invalidRecords: 0, errors: [] });
  });

  it('finds every event by EventId, with the bytes of its log file', async () => {
    const rows = await Promise.all(records.map((r) => lookupAll({ key: 'EventId', value: r.eventID })));
    expect(rows.map((found) => found.length)).toEqual(records.map(() => 1));
    const allText = texts.join('\n');
    expect(rows.filter(([row]) => !allText.includes(row!.json))).toEqual([]);
    expect(rows.map(([row]) => JSON.parse(row!.json))).toEqual(records);
  });

  it('finds the same events by EventName, EventSource, ReadOnly and AccessKeyId as the files hold', async () => {
    await expectLookupCounts('EventName', countBy(records.map((r) => r.eventName)));
    await expectLookupCounts('EventSource', countBy(records.map((r) => r.eventSource)));
    await expectLookupCounts('ReadOnly', countBy(records.map((r) => (r.readOnly === undefined ? undefined : String(r.readOnly)))));
    await expectLookupCounts('AccessKeyId', countBy(records.map((r) => r.userIdentity.accessKeyId)));
  });

  it('finds the same events by Username as the identities name', async () => {
    // The samples only hold identity types whose user name rule is above, and untyped service events without one.
    const types = new Set(records.map((r) => r.userIdentity.type ?? 'untyped'));
    expect([...types].sort()).toEqual(['AWSService', 'AssumedRole', 'IAMUser', 'untyped']);
    expect(records.filter((r) => !r.userIdentity.type && (r.userIdentity.userName || r.userIdentity.arn))).toEqual([]);
    await expectLookupCounts('Username', countBy(records.map((r) => expectedUsername(r.userIdentity))));
  });

  it('finds KMS keys and untyped resources by the ARNs in resources[]', async () => {
    // Names chosen so that they can only come from resources[]: no request parameter carries any of them.
    const parameterValues = new Set(records.flatMap((r) => Object.values(r.requestParameters ?? {}).filter((v) => typeof v === 'string')));
    const names = countBy(records.flatMap((r) => [...new Set(resourcesOf(r)
      .filter((res) => res.type === KMS_KEY || res.type === undefined)
      .map((res) => res.ARN))]));
    expect([...names.keys()].filter((name) => parameterValues.has(name))).toEqual([]);
    expect([...names.keys()].filter((name) => name.startsWith('arn:aws:kms:'))).toHaveLength(2);
    await expectLookupCounts('ResourceName', names);
  });

  it('finds the events that list a KMS key in resources[] by ResourceType', async () => {
    // KMS keys can also be named by a kms.amazonaws.com `keyId` parameter; in the samples every such event lists its
    // key in resources[] too, so resources[] alone gives the expected events.
    const listsKey = (r: SampleRecord) => resourcesOf(r).some((res) => res.type === KMS_KEY);
    const keyIdOnly = records.filter((r) => r.eventSource === 'kms.amazonaws.com'
      && typeof r.requestParameters?.keyId === 'string' && !listsKey(r));
    expect(keyIdOnly).toEqual([]);
    await expectLookupCounts('ResourceType', new Map([[KMS_KEY, records.filter(listsKey).length]]));
  });

  it('adds nothing when the same files are imported again', async () => {
    const again = await importLogFiles(store.eventLog, [logsDir], { retentionDays: RETENTION_DAYS });
    expect(again).toMatchObject({ files: 55, events: 0, skipped: 2_900, duplicates: 2_900, errors: [] });
  });

  it('reports a corrupt .gz and a non-JSON file by name and loads the rest', async () => {
    const dir = await copySamples(path.join(workDir, 'damaged'));
    const [firstFile] = await logFiles(dir);
    const corrupt = path.join(dir, 'zz-corrupt.json.gz');
    const notJson = path.join(dir, 'zz-notes.json');
    await writeFile(corrupt, (await readFile(firstFile!)).subarray(0, 100));
    await writeFile(notJson, 'these are my notes, not a log file\n');
    const fresh = await openStore({ dataDir: path.join(workDir, 'data-damaged') });
    try {
      const summary = await importLogFiles(fresh.eventLog, [dir], { retentionDays: RETENTION_DAYS });
      expect(summary).toMatchObject({ files: 55, events: 2_900, failedFiles: 2 });
      expect(summary.errors).toEqual([
        { file: corrupt, message: expect.stringMatching(/^not valid gzip/) },
        { file: notJson, message: expect.stringMatching(/^not valid JSON/) },
      ]);
    } finally {
      await fresh.close();
    }
  });
});
