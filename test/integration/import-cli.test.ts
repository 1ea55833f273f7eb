// `opentrail import` as operators run it: the built CLI (run `npm run build` first, as `npm test` does), its
// output, its exit codes, and a run next to a live server that shares the data dir.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CLI, REPO_ROOT, exited, spawnServer } from '../support/server-process.js';
import { runCommand, type CliResult } from '../support/run-command.js';
import { tempDir } from '../support/server.js';
import { openStore } from '../../src/store/open-store.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';

const SAMPLES = path.resolve(REPO_ROOT, '../shared/data/invictus-sample-logs');
const SAMPLE_ACCOUNT = '123837392027';
const SUMMARY = /^Imported (\d+) events from (\d+) files \((\d+) skipped, (\d+) errors\) in \d+\.\d s \(\d+ events\/s\)$/;


function runImport(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, 'import', ...args], { ...process.env, OPENTRAIL_RETENTION_DAYS: '', OPENTRAIL_DATA_DIR: '', ...env });
}

async function copySamples(): Promise<string> {
  const dir = path.join(tempDir('opentrail-import-cli-'), 'logs');
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(SAMPLES)) await copyFile(path.join(SAMPLES, name), path.join(dir, name));
  return dir;
}

/** imported, files, skipped, errors from the summary line. */
function summaryOf(run: CliResult): number[] {
  const match = SUMMARY.exec(run.stdout.split('\n')[0] ?? '');
  expect(match, run.stdout + run.stderr).not.toBeNull();
  return match!.slice(1, 5).map(Number);
}

describe('opentrail import', () => {
  it('loads the sample logs, then skips them all on a second run', async () => {
    const logs = await copySamples();
    const dataDir = tempDir();
    const first = await runImport(['--data-dir', dataDir, '--retention-days', '36500', logs]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(summaryOf(first)).toEqual([2_900, 55, 0, 0]);

    const second = await runImport([logs], { OPENTRAIL_DATA_DIR: dataDir, OPENTRAIL_RETENTION_DAYS: '36500' });
    expect(second.code).toBe(0);
    expect(summaryOf(second)).toEqual([0, 55, 2_900, 0]);
  });

  it('skips events older than the default 90-day retention', async () => {
    const run = await runImport(['--data-dir', tempDir(), await copySamples()]);
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toEqual([0, 55, 2_900, 0]);
  });

  it('names each file it could not load, loads the rest and exits 1', async () => {
    const logs = await copySamples();
    const corrupt = path.join(logs, 'corrupt.json.gz');
    await writeFile(corrupt, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    const missing = path.join(logs, 'missing.json');
    const run = await runImport(['--data-dir', tempDir(), '--retention-days', '36500', logs, missing]);
    expect(run.code).toBe(1);
    expect(summaryOf(run)).toEqual([2_900, 55, 0, 2]);
    expect(run.stdout.split('\n').slice(1)).toEqual([
      `  error: ${missing}: no such file or directory`,
      expect.stringMatching(new RegExp(`^  error: ${corrupt}: not valid gzip`)),
      '',
    ]);
  });

  it('stores events under the --account-id given', async () => {
    const logs = await copySamples();
    const dataDir = tempDir();
    const run = await runImport(['--data-dir', dataDir, '--retention-days', '36500', '--account-id', '111122223333', logs]);
    expect(run.code).toBe(0);
    const store = await openStore({ dataDir });
    try {
      const query = { region: 'us-east-1', startMs: 0, endMs: Date.now(), filters: [], category: 'management' as const, limit: 5 };
      expect((await store.eventHistory.lookup({ ...query, accountId: '111122223333' })).rows).toHaveLength(5);
      expect((await store.eventHistory.lookup({ ...query, accountId: SAMPLE_ACCOUNT })).rows).toHaveLength(0);
    } finally {
      await store.close();
    }
  });

  it.each([
    ['an account id that is not 12 digits', ['--account-id', '1234', 'x'], {}],
    ['no paths', [], {}],
    ['a retention that is not a positive whole number', ['--retention-days', 'soon', 'x'], {}],
    ['a bad retention in the environment', ['x'], { OPENTRAIL_RETENTION_DAYS: '0' }],
    ['an unknown option', ['--force', 'x'], {}],
  ])('exits 2 on a usage error: %s', async (_case, args, env) => {
    const run = await runImport(['--data-dir', tempDir(), ...args], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
  });

  it('prints only errors with --quiet', async () => {
    const logs = await copySamples();
    await writeFile(path.join(logs, 'notes.json'), 'not json');
    const run = await runImport(['--quiet', '--data-dir', tempDir(), '--retention-days', '36500', logs]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^  error: .*notes\.json: not valid JSON \(.*\)\n$/);
  });

  it('loads into the data dir of a running server, which keeps answering and then finds the events', async () => {
    const logs = await copySamples();
    const dataDir = tempDir();
    const server = await spawnServer(['--data-dir', dataDir, '--retention-days', '36500']);
    try {
      const client = new CloudTrailClient({
        endpoint: server.url, region: 'us-east-1', maxAttempts: 1,
        credentials: readSharedCredentials(path.join(dataDir, 'credentials'))!,
      });
      const window = { StartTime: new Date('2023-07-10T00:00:00Z'), EndTime: new Date('2023-07-11T00:00:00Z') };
      const importing = runImport(['--data-dir', dataDir, '--retention-days', '36500', '--account-id', '123456789012', logs]);
      let calls = 0;
      let done = false;
      void importing.finally(() => (done = true));
      while (!done) {
        await client.send(new LookupEventsCommand({ ...window, MaxResults: 1 }));
        calls++;
      }
      const run = await importing;
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(summaryOf(run)).toEqual([2_900, 55, 0, 0]);
      expect(calls).toBeGreaterThan(0);

      const page = await client.send(new LookupEventsCommand({
        ...window, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetSecretValue' }], MaxResults: 50,
      }));
      const expected = await countInSamples(logs, 'GetSecretValue');
      expect(expected).toBeGreaterThan(0);
      expect(page.Events).toHaveLength(Math.min(expected, 50));
      client.destroy();
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });
});

async function countInSamples(dir: string, eventName: string): Promise<number> {
  const { gunzipSync } = await import('node:zlib');
  let count = 0;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json.gz'))) {
    const { Records } = JSON.parse(gunzipSync(await readFile(path.join(dir, name))).toString()) as { Records: { eventName: string }[] };
    count += Records.filter((r) => r.eventName === eventName).length;
  }
  return count;
}
