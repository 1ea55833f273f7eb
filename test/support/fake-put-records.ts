// A stand-in for opentrail's PutRecords in the SDK's unit tests: stores records by eventID (idempotent, as the
// contract says), and can be told to fail calls in the ways a real server or network fails.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { withCommonMembers } from '../../src/domain/ingest/common-members.js';

export type Fault =
  | { kind: 'status'; status: number; type: string; retryAfter?: string }
  | { kind: 'hang-up' }
  /** Stores the records but answers a SuccessfulCount one short. */
  | { kind: 'miscount' }
  | { kind: 'fail-records'; code: string; match: (record: Record<string, unknown>) => boolean };

export interface FakePutRecords {
  url: string;
  /** eventID → record, once each. */
  stored: Map<string, Record<string, unknown>>;
  /** How many records each call carried, in order. */
  calls: number[];
  /** Records that arrived again after being stored. */
  duplicates: number;
  /** Faults applied to the next calls, one per call. */
  faults: Fault[];
  /** Per-record refusals, on every call. */
  refuse: (record: Record<string, unknown>) => string | undefined;
  /** Whole-call ValidationException when a call holds such a record. */
  poison: (record: Record<string, unknown>) => boolean;
  down: boolean;
  /** Answer as a server older than OmitSuccessful does: every stored record listed. */
  listsSuccessful: boolean;
  /** Be a server older than Common: leave it out (and list every stored record). */
  ignoresCommon: boolean;
  authorizations: string[];
  close(): Promise<void>;
}

/** `host`: the loopback address to listen on (`::1` for an IPv6 endpoint). */
export async function startFakePutRecords(host = '127.0.0.1'): Promise<FakePutRecords> {
  const fake: Omit<FakePutRecords, 'url' | 'close'> = {
    stored: new Map(), calls: [], duplicates: 0, faults: [], refuse: () => undefined, poison: () => false, down: false,
    listsSuccessful: false, ignoresCommon: false, authorizations: [],
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(fake, req, res, Buffer.concat(chunks).toString()));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

function answer(fake: Omit<FakePutRecords, 'url' | 'close'>, req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  fake.authorizations.push(String(req.headers.authorization ?? ''));
  if (fake.down) return void req.socket.destroy();
  if (req.headers['x-amz-target'] !== 'OpenTrail_20261101.PutRecords') return reply(res, 400, { __type: 'UnknownOperationException' });
  const call = JSON.parse(body) as { Records: Array<Record<string, unknown>>; Common?: Record<string, unknown>; OmitSuccessful?: boolean };
  const common = fake.ignoresCommon ? undefined : call.Common;
  // The compact form, completed as the server does (docs/bulk-ingest.md).
  const records = common ? call.Records.map((record) => withCommonMembers(record, common) as Record<string, unknown>) : call.Records;
  fake.calls.push(records.length);
  const fault = fake.faults.shift();
  if (fault?.kind === 'hang-up') return void req.socket.destroy();
  if (fault?.kind === 'status') {
    return reply(res, fault.status, { __type: fault.type, message: 'injected' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
  }
  if (records.some(fake.poison)) return reply(res, 400, { __type: 'ValidationException', message: 'a record is malformed' });
  const Successful: unknown[] = [];
  const Failed: unknown[] = [];
  records.forEach((record, Index) => {
    const code = fault?.kind === 'fail-records' && fault.match(record) ? fault.code : fake.refuse(record);
    if (code) return void Failed.push({ Index, ErrorCode: code, ErrorMessage: 'injected' });
    const id = String(record.eventID);
    if (fake.stored.has(id)) fake.duplicates++;
    else fake.stored.set(id, record);
    Successful.push({ Index, EventId: id });
  });
  if (!call.OmitSuccessful || fake.listsSuccessful || fake.ignoresCommon) return reply(res, 200, { Successful, Failed });
  reply(res, 200, { SuccessfulCount: Successful.length - (fault?.kind === 'miscount' ? 1 : 0), Failed });
}

function reply(res: http.ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers });
  res.end(JSON.stringify(json));
}
