// `opentrail lookup-events`, the terminal client: filters combined with AND, paging up to --max-items, JSON and table
// output, against a server process, signed with the data dir's generated credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, spawnServer, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/server.js';

const run = promisify(execFile);
let server: ServerProcess;
let dataDir: string;

function cli(args: string[]) {
  return run(process.execPath, [CLI, 'lookup-events', '--data-dir', dataDir, '--endpoint', server.url, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: dataDir },
  });
}

beforeAll(async () => {
  dataDir = tempDir();
  server = await spawnServer(['--data-dir', dataDir]);
  for (let i = 0; i < 7; i++) await cli(['--max-items', '1', '--output', 'json']);
});
afterAll(() => {
  server?.child.kill('SIGTERM');
});

describe('opentrail lookup-events', () => {
  it('prints matching events as JSON, newest first, up to --max-items', async () => {
    const { stdout } = await cli(['--event-name', 'LookupEvents', '--read-only', 'true', '--max-items', '5', '--output', 'json']);
    const events = JSON.parse(stdout).Events as Array<{ EventName: string; EventTime: string; Username: string }>;
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.EventName))).toEqual(new Set(['LookupEvents']));
    expect(events[0]!.Username).toBe('root');
    const times = events.map((e) => Date.parse(e.EventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages past 50 events when --max-items asks for more', async () => {
    for (let i = 0; i < 50; i++) await cli(['--max-items', '1', '--output', 'json']);
    const { stdout } = await cli(['--max-items', '55', '--output', 'json']);
    const events = JSON.parse(stdout).Events as Array<{ EventId: string }>;
    expect(events).toHaveLength(55);
    expect(new Set(events.map((e) => e.EventId)).size).toBe(55);
  });

  it('prints a table with an error column', async () => {
    const { stdout } = await cli(['--username', 'root', '--max-items', '3']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EventTime\s+EventName\s+EventSource\s+Username\s+ReadOnly\s+Error\s+EventId$/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('cloudtrail.amazonaws.com');
  });

  it('says so when nothing matches', async () => {
    const { stdout } = await cli(['--event-name', 'NothingLikeThis']);
    expect(stdout).toBe('No events.\n');
  });

  it('reports the server\'s error and exits non-zero', async () => {
    await expect(cli(['--read-only', 'maybe'])).rejects.toMatchObject({ stderr: expect.stringContaining('ReadOnly') });
  });
});
