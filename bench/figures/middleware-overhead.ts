// middleware_overhead_pct: what the opentrail Fastify middleware (and the SDK sending every record to a real
// opentrail) costs a hello-world Fastify server: CPU time of the server process per request, with and without the
// middleware, measured side by side in alternating rounds under the same closed-loop load. CPU per request rather
// than requests per second, because on a small shared machine the load generator and opentrail itself compete for
// the same cores; the requests per second of both are reported beside it.
// The same rounds are run again at a fixed 4,000 requests a second for both sides (`_fixed_rate_` figures), where
// the machine is not saturated, and with the app on a core of its own (`_own_core_` figures, Linux taskset): on
// this 2-core machine the load generator and opentrail otherwise time-share the app's core, and that sharing alone
// raises the app's CPU per request a great deal (docs/benchmarks.md), whoever causes it. Both sides get the same
// arrangement; the middleware's own work, and its SDK's sending, is all still counted.
// `_paced_own_core_` figures combine the two: both apps pinned to their core, both sides paced at the fixed rate, so
// that the audited app gets exactly the load shape the plain one gets (the closed-loop `_own_core_` rounds send the
// audited app fewer requests, its load generator sharing a core with opentrail ingesting them).
// `_capture_own_core_` figures split the middleware from its SDK: pinned as above, the plain app against one whose
// middleware hands each event to a recorder that discards it (its Fastify hooks, the request's capture, the event).
import path from 'node:path';
import http from 'node:http';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';
import type { ClientStats } from '../../src/client/client-stats.js';
import { startServer } from './lookup-figures.js';
import { median, round } from '../stats.js';
import { measureRecordFloor } from './middleware-record-floor.js';

export interface MiddlewareFigures {
  middleware_overhead_pct: number;
  middleware_plain_cpu_us_per_request: number;
  middleware_audited_cpu_us_per_request: number;
  middleware_plain_requests_per_s: number;
  middleware_audited_requests_per_s: number;
  middleware_records_sent: number;
  middleware_records_dropped: number;
  middleware_fixed_rate_overhead_pct: number;
  middleware_fixed_rate_plain_cpu_us_per_request: number;
  middleware_fixed_rate_audited_cpu_us_per_request: number;
  middleware_fixed_rate_requests_per_s: number;
  middleware_own_core_overhead_pct?: number;
  middleware_own_core_plain_cpu_us_per_request?: number;
  middleware_own_core_audited_cpu_us_per_request?: number;
  middleware_paced_own_core_overhead_pct?: number;
  middleware_paced_own_core_plain_cpu_us_per_request?: number;
  middleware_paced_own_core_audited_cpu_us_per_request?: number;
  middleware_paced_own_core_requests_per_s?: number;
  middleware_capture_own_core_overhead_pct?: number;
  middleware_capture_own_core_plain_cpu_us_per_request?: number;
  middleware_capture_own_core_captured_cpu_us_per_request?: number;
  middleware_record_floor_us: number;
  middleware_record_floor_pct: number;
}

interface App {
  child: ChildProcess;
  url: string;
}

interface Round {
  cpuUsPerRequest: number;
  requestsPerSecond: number;
}

const CONNECTIONS = 16;
/** The fixed-rate figure's load: well within what both sides serve on this machine, busy or not. */
const FIXED_RATE = 4000;
const HELLO_APP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hello-app.js');

export async function measureMiddlewareOverhead(workDir: string, cli: string, options: { rounds: number; seconds: number }): Promise<MiddlewareFigures> {
  const dataDir = path.join(workDir, 'middleware-data');
  const server = await startServer(cli, dataDir);
  const credentials = readSharedCredentials(path.join(dataDir, 'credentials'))!;
  const plain = await startApp('plain', server.url, credentials);
  const audited = await startApp('audited', server.url, credentials);
  const captured = await startApp('captured', server.url, credentials);
  try {
    await load(plain, 1);
    await load(audited, 1);
    await load(captured, 1);
    const shared = await sideBySide(plain, audited, options);
    const fixedRate = await sideBySide(plain, audited, options, FIXED_RATE);
    const pinned = (other: App, rate?: number) =>
      onOwnCore([plain, other], [process.pid, server.child.pid], () => sideBySide(plain, other, options, rate));
    const ownCore = await pinned(audited);
    const pacedOwnCore = await pinned(audited, FIXED_RATE);
    const captureOwnCore = await pinned(captured);
    const stats = await stopApp(audited);
    const floorUs = measureRecordFloor();
    return {
      middleware_overhead_pct: shared.overheadPct,
      middleware_plain_cpu_us_per_request: round(shared.plain.cpu, 1),
      middleware_audited_cpu_us_per_request: round(shared.other.cpu, 1),
      middleware_plain_requests_per_s: round(shared.plain.rps, 0),
      middleware_audited_requests_per_s: round(shared.other.rps, 0),
      middleware_records_sent: stats?.sent ?? 0,
      middleware_records_dropped: stats?.dropped ?? 0,
      middleware_fixed_rate_overhead_pct: fixedRate.overheadPct,
      middleware_fixed_rate_plain_cpu_us_per_request: round(fixedRate.plain.cpu, 1),
      middleware_fixed_rate_audited_cpu_us_per_request: round(fixedRate.other.cpu, 1),
      middleware_fixed_rate_requests_per_s: round(Math.min(fixedRate.plain.rps, fixedRate.other.rps), 0),
      ...(ownCore && {
        middleware_own_core_overhead_pct: ownCore.overheadPct,
        middleware_own_core_plain_cpu_us_per_request: round(ownCore.plain.cpu, 1),
        middleware_own_core_audited_cpu_us_per_request: round(ownCore.other.cpu, 1),
      }),
      ...(pacedOwnCore && {
        middleware_paced_own_core_overhead_pct: pacedOwnCore.overheadPct,
        middleware_paced_own_core_plain_cpu_us_per_request: round(pacedOwnCore.plain.cpu, 1),
        middleware_paced_own_core_audited_cpu_us_per_request: round(pacedOwnCore.other.cpu, 1),
        middleware_paced_own_core_requests_per_s: round(Math.min(pacedOwnCore.plain.rps, pacedOwnCore.other.rps), 0),
      }),
      ...(captureOwnCore && {
        middleware_capture_own_core_overhead_pct: captureOwnCore.overheadPct,
        middleware_capture_own_core_plain_cpu_us_per_request: round(captureOwnCore.plain.cpu, 1),
        middleware_capture_own_core_captured_cpu_us_per_request: round(captureOwnCore.other.cpu, 1),
      }),
      middleware_record_floor_us: floorUs,
      middleware_record_floor_pct: round((floorUs / shared.plain.cpu) * 100, 1),
    };
  } finally {
    for (const app of [plain, audited, captured]) if (app.child.exitCode === null) app.child.kill('SIGKILL');
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

interface Sides {
  overheadPct: number;
  plain: { cpu: number; rps: number };
  /** The app measured against the plain one: audited, or captured. */
  other: { cpu: number; rps: number };
}

/** Alternating rounds, plain then the other app, under the same load; medians of each side. */
async function sideBySide(plain: App, other: App, options: { rounds: number; seconds: number }, rate?: number): Promise<Sides> {
  const rounds: { plain: Round[]; other: Round[] } = { plain: [], other: [] };
  for (let i = 0; i < options.rounds; i++) {
    rounds.plain.push(await measuredRound(plain, options.seconds, rate));
    rounds.other.push(await measuredRound(other, options.seconds, rate));
  }
  const side = (measured: Round[]) => ({
    cpu: median(measured.map((r) => r.cpuUsPerRequest)), rps: median(measured.map((r) => r.requestsPerSecond)),
  });
  const sides = { plain: side(rounds.plain), other: side(rounds.other) };
  return { ...sides, overheadPct: round((sides.other.cpu / sides.plain.cpu - 1) * 100, 1) };
}

/**
 * Runs `measure` with the apps on the first core this process may use and this process (the load) and opentrail on
 * the others, then puts every process back on the cores it had. Undefined where that cannot be arranged (no taskset,
 * a single core).
 */
async function onOwnCore<T>(apps: App[], others: Array<number | undefined>, measure: () => Promise<T>): Promise<T | undefined> {
  const allowed = affinity(process.pid);
  if (allowed === undefined || allowed.length < 2) return undefined;
  const pin = (pid: number | undefined, cores: readonly number[]) =>
    pid !== undefined && spawnSync('taskset', ['-a', '-p', '-c', cores.join(','), String(pid)]).status === 0;
  try {
    const pinned = apps.every((app) => pin(app.child.pid, allowed.slice(0, 1))) && others.every((pid) => pin(pid, allowed.slice(1)));
    return pinned ? await measure() : undefined;
  } finally {
    for (const pid of [...apps.map((app) => app.child.pid), ...others]) pin(pid, allowed);
  }
}

/** The cores a process may run on (`taskset -p -c`: "pid 7's current affinity list: 0,2-3"). */
function affinity(pid: number): number[] | undefined {
  const answer = spawnSync('taskset', ['-p', '-c', String(pid)], { encoding: 'utf8' });
  const list = answer.status === 0 ? /:\s*([\d,-]+)\s*$/.exec(answer.stdout)?.[1] : undefined;
  return list?.split(',').flatMap((range) => {
    const [from, to = from] = range.split('-').map(Number) as [number, number?];
    return Array.from({ length: to! - from + 1 }, (_, i) => from + i);
  });
}

function startApp(mode: 'plain' | 'audited' | 'captured', endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<App> {
  const child = fork(HELLO_APP, [mode, endpoint], {
    env: { ...process.env, BENCH_ACCESS_KEY_ID: credentials.accessKeyId, BENCH_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`hello app (${mode}) exited with ${code}`)));
  });
}

async function stopApp(app: App): Promise<ClientStats | undefined> {
  const reply = ask<{ stats?: ClientStats }>(app, 'stop');
  return (await reply).stats;
}

function ask<T>(app: App, message: string): Promise<T> {
  return new Promise((resolve) => {
    app.child.once('message', (answer: T) => resolve(answer));
    app.child.send(message);
  });
}

async function measuredRound(app: App, seconds: number, rate?: number): Promise<Round> {
  const before = await ask<{ cpu: NodeJS.CpuUsage }>(app, 'usage');
  const { requests, elapsedS } = await load(app, seconds, rate);
  const after = await ask<{ cpu: NodeJS.CpuUsage }>(app, 'usage');
  const cpuUs = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  return { cpuUsPerRequest: cpuUs / requests, requestsPerSecond: requests / elapsedS };
}

/**
 * Closed loop: 16 keep-alive connections, each sending its next request when the last is answered. With `rate`,
 * paced: no request before its turn in an even schedule of `rate` requests a second across the connections.
 */
async function load(app: App, seconds: number, rate?: number): Promise<{ requests: number; elapsedS: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL(app.url);
  const startMs = Date.now();
  const until = startMs + seconds * 1000;
  const start = process.hrtime.bigint();
  let requests = 0;
  const worker = async (w: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const wait = rate === undefined ? 0 : startMs + ((i * CONNECTIONS + w) * 1000) / rate - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (Date.now() >= until) break;
      await get(agent, url, `/hello/user-${w}-${i % 100}?lang=en`);
      requests++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  agent.destroy();
  return { requests, elapsedS: Number(process.hrtime.bigint() - start) / 1e9 };
}

function get(agent: http.Agent, url: URL, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get({ agent, host: url.hostname, port: url.port, path, headers: { 'user-agent': 'bench/1.0', 'x-user': 'bench' } }, (response) => {
      response.resume();
      response.once('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`hello answered ${response.statusCode}`))));
    });
    request.once('error', reject);
  });
}
