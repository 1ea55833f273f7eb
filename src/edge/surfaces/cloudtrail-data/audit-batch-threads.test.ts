import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtAuditBatchWorker } from '../../../../test/support/audit-batch-threads.js';
import { eventDataChecksum } from '../../../domain/lake/audit-event-data.js';
import { ServiceError } from '../../../errors/service-error.js';
import { AuditBatchThreads, inlinePreparer } from './audit-batch-threads.js';
import type { AuditBatchFacts } from './audit-event-batch.js';

const ACCOUNT = '123456789012';
const FACTS: AuditBatchFacts = {
  channelArn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:channel/0b1c2d3e-0000-4000-8000-00000000000a`,
  channelStores: [`arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:eventdatastore/0b1c2d3e-0000-4000-8000-00000000000b`],
  accountId: ACCOUNT, region: 'eu-west-1', ingestionTime: '2026-11-24T08:00:00Z', inHistory: true, origin: 'recorded',
};

function eventData(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '1.0', userIdentity: { type: 'CustomUser', principalId: 'zoë@example.com' }, eventSource: 'shop.example.com',
    eventName: 'PlaceOrder', eventTime: '2026-11-24T07:59:58Z', UID: 'uid-1', recipientAccountId: ACCOUNT,
    requestParameters: { note: 'naïve ☃ \u2028' }, ...overrides,
  });
}

function body(entries: unknown[]): Buffer {
  return Buffer.from(JSON.stringify({ auditEvents: entries }));
}

const threads = new AuditBatchThreads(2, builtAuditBatchWorker());
afterAll(() => threads.close());

describe('PutAuditEvents on ingest threads', () => {
  it('answers exactly as the calling thread does: the same events, refusals and ids', async () => {
    const good = eventData();
    const call = body([
      { id: 'good', eventData: good, eventDataChecksum: eventDataChecksum(good) },
      { id: 'bad-sum', eventData: good, eventDataChecksum: eventDataChecksum(`${good} `) },
      { id: 'other-account', eventData: eventData({ recipientAccountId: '210987654321' }) },
      { id: 'no-name', eventData: eventData({ eventName: undefined }) },
      { id: 'second', eventData: eventData({ eventName: 'CancelOrder', UID: 'uid-2' }) },
    ]);
    const inline = await inlinePreparer.prepare(call, FACTS);
    const threaded = await threads.prepare(call, FACTS);
    expect(threaded).toEqual(inline);
    expect(threaded.candidates.map((c) => c.index)).toEqual([0, 4]);
    expect(threaded.candidates[0]!.event.channelArn).toBe(FACTS.channelArn);
    expect(threaded.candidates[0]!.event.channelStores).toEqual(FACTS.channelStores);
    expect(threaded.refused.map((r) => r.code)).toEqual(['InvalidChecksum', 'InvalidRecipient', 'FieldNotFound']);
  });

  it('keeps the calls of concurrent callers apart', async () => {
    const calls = Array.from({ length: 12 }, (_, i) => body([{ id: `e${i}`, eventData: eventData({ UID: `uid-${i}` }) }]));
    const answers = await Promise.all(calls.map((call) => threads.prepare(call, FACTS)));
    expect(answers.map((a) => a.ids[0])).toEqual(calls.map((_, i) => `e${i}`));
  });

  it('refuses a whole call with the ServiceError the calling thread throws', async () => {
    const twice = body([{ id: 'same', eventData: eventData() }, { id: 'same', eventData: eventData() }]);
    await expect(threads.prepare(twice, FACTS)).rejects.toThrow(ServiceError);
    await expect(threads.prepare(twice, FACTS)).rejects.toMatchObject({ code: 'DuplicatedAuditEventId', status: 400 });
    await expect(threads.prepare(Buffer.from('{"auditEvents": ['), FACTS)).rejects.toMatchObject({ code: 'SerializationException' });
    await expect(threads.prepare(body([]), FACTS)).rejects.toMatchObject({ code: 'ValidationException' });
  });

  it('refuses calls once closed, failing those still in hand, and starts no thread for them', async () => {
    const closing = new AuditBatchThreads(1, builtAuditBatchWorker());
    const call = body([{ id: 'late', eventData: eventData() }]);
    await closing.prepare(call, FACTS);
    // Expected before closing: the call fails inside close(), which must not leave its rejection unhandled.
    const inHand = expect(closing.prepare(call, FACTS)).rejects.toThrow(/stopped/);
    await closing.close();
    await inHand;
    await expect(closing.prepare(call, FACTS)).rejects.toThrow(/stopped/);
  });

  it('fails the calls a dying thread held, and starts another for the next call', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-threads-'));
    const script = path.join(dir, 'dies.mjs');
    fs.writeFileSync(script, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const dying = new AuditBatchThreads(1, pathToFileURL(script));
    try {
      await expect(dying.prepare(body([]), FACTS)).rejects.toThrow(/exit code 3/);
      await expect(dying.prepare(body([]), FACTS)).rejects.toThrow(/exit code 3/);
    } finally {
      await dying.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
