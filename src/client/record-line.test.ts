// The line writer must give exactly the bytes JSON.stringify gives of the record completeRecord builds: the server
// stores a record as sent, so any difference would be a different stored event.
import { describe, expect, it } from 'vitest';
import { CapturedEvent, completeRecord, type AuditEvent, type RecordDefaults } from './audit-record.js';
import { RecordLineWriter } from './record-line.js';
import { randomUuid, timeOrderedUuid } from './uuid-pool.js';
import { timeOfOrderedId } from '../domain/time-ordered-id.js';
import { withCommonMembers } from '../domain/ingest/common-members.js';

const NOW = Date.UTC(2026, 10, 24, 12, 30, 45, 678);
const defaults: RecordDefaults = { region: 'eu-west-3', eventSource: 'shop.example.com', recipientAccountId: undefined };
const identity = { type: 'IAMUser', principalId: 'AIDA1', arn: 'arn:aws:iam::123456789012:user/ana', accountId: '123456789012', userName: 'ana' };

const events: AuditEvent[] = [
  { eventName: 'PlaceOrder' },
  { eventName: 'PlaceOrder', eventSource: 'other.example.com', userIdentity: identity, eventTime: new Date(NOW - 5000) },
  { eventName: 'GetOrder', eventTime: NOW - 61_000, sourceIPAddress: '10.0.0.1', userAgent: 'curl/8 "quoted" \\ back', readOnly: true },
  { eventName: 'Odd', eventTime: '2020-01-01T00:00:00Z', requestParameters: { a: [1, { b: null }], when: new Date(NOW), u: undefined } },
  { eventName: 'Fail', errorCode: 'NotFound', errorMessage: 'no\nsuch \u0001 thing ünïcödé 😀', responseElements: { id: 'x' } },
  { eventName: 'Lone', userAgent: 'bad \ud800 surrogate', additionalEventData: { truncated: ['requestParameters'] } },
  { eventName: 'Data', eventCategory: 'Data', resources: [{ type: 'Order', ARN: 'arn:x' }], requestID: 'r-1' },
  { eventName: 'Svc', eventType: 'AwsServiceEvent', managementEvent: false, recipientAccountId: '111122223333', awsRegion: 'us-west-2' },
  { eventName: 'Version', eventVersion: '1.08', userIdentity: { type: 'Root', sessionContext: { attributes: { mfaAuthenticated: 'false' } } } },
  { eventName: 'Extra', custom: { any: 'thing' }, vpcEndpointId: 'vpce-1' },
  { eventName: 'Nulls', requestParameters: null, responseElements: null, userAgent: undefined, readOnly: false },
  { eventName: 'Numbers', requestParameters: { n: 1.5, big: 1e21, nan: NaN } },
  { eventName: 'NoVersion', eventVersion: (() => '1.0') as never },
];

function expected(event: AuditEvent, eventID: string, writerDefaults = defaults): string {
  return JSON.stringify(completeRecord({ ...event, eventID }, writerDefaults, NOW));
}

describe('RecordLineWriter', () => {
  it('writes the same bytes as JSON.stringify of completeRecord, for every kind of member', () => {
    const writer = new RecordLineWriter(defaults);
    for (const event of events) {
      const id = randomUuid();
      expect(writer.line(event, id, NOW)).toBe(expected(event, id));
    }
  });

  it('reuses a repeated identity only while it is the same, member for member', () => {
    const writer = new RecordLineWriter({ ...defaults, recipientAccountId: '123456789012' });
    const identities = [
      identity, { ...identity }, { ...identity, userName: 'bob' }, { ...identity, userName: 'bob' }, Object.fromEntries(Object.entries(identity).reverse()),
      { ...identity, extra: undefined }, { ...identity, userName: undefined }, { ...identity, userName: undefined },
      { ...identity, nested: { a: 1 } }, { ...identity, nested: { a: 2 } }, { type: 'Unknown' }, identity,
    ];
    for (const userIdentity of identities) {
      const event = { eventName: 'GetOrder', userIdentity } as AuditEvent;
      const id = randomUuid();
      expect(writer.line(event, id, NOW)).toBe(expected(event, id, { ...defaults, recipientAccountId: '123456789012' }));
    }
  });

  it('writes compact lines that PutRecords completes with Common into those same bytes', () => {
    const writer = new RecordLineWriter(defaults, { compact: true });
    const first = { eventName: 'First', userIdentity: identity };
    const representable = events.filter((event) => typeof event.eventVersion !== 'function');
    expect(() => writer.line(events.at(-1)!, randomUuid(), NOW)).toThrow(/eventVersion must be a JSON value/);
    expect(() => writer.line({ eventName: 'X', eventType: Symbol('t') as never }, randomUuid(), NOW)).toThrow(/eventType must be a JSON value/);
    const sent = [first, ...representable, first, { ...first, eventVersion: '1.10' }].map((event) => {
      const id = randomUuid();
      return { event, id, line: writer.line(event, id, NOW) };
    });
    const common = JSON.parse(writer.commonJson!) as Record<string, unknown>;
    expect(Object.keys(common)).toEqual(['eventVersion', 'userIdentity', 'eventSource', 'awsRegion', 'eventType', 'eventCategory']);
    for (const { event, id, line } of sent) {
      expect(JSON.stringify(withCommonMembers(JSON.parse(line), common))).toBe(expected(event, id));
    }
    // What the first record shares is left out of the lines that share it.
    expect(sent.at(-2)!.line).not.toContain('userIdentity');
    expect(sent.at(-2)!.line.length).toBeLessThan(expected(first, sent.at(-2)!.id).length / 2);
  });

  it('writes no Common when the first record\'s shared members are too big to repeat in every call', () => {
    const writer = new RecordLineWriter(defaults, { compact: true });
    const big = { eventName: 'Big', userIdentity: { type: 'IAMUser', userName: 'x'.repeat(5000) } };
    const id = randomUuid();
    expect(JSON.stringify(withCommonMembers(JSON.parse(writer.line(big, id, NOW)), {}))).toBe(expected(big, id));
    expect(writer.commonJson).toBeUndefined();
  });

  it('writes a CapturedEvent (the middleware\'s, not looked through for other members) the same way', () => {
    for (const compact of [false, true]) {
      const writer = new RecordLineWriter(defaults, { compact });
      const captured = new CapturedEvent(NOW, 'shop.example.com', 'GetOrder', identity, '10.0.0.1', 'r-1', true, 'AwsApiCall', 'Management');
      captured.userAgent = 'curl/8';
      captured.requestParameters = { id: 'o-1' };
      captured.responseElements = null;
      const id = randomUuid();
      const line = writer.line(captured, id, NOW);
      const whole = compact ? JSON.stringify(withCommonMembers(JSON.parse(line), JSON.parse(writer.commonJson!))) : line;
      expect(whole).toBe(expected({ ...captured } as AuditEvent, id));
    }
  });

  it('follows eventTime from second to second', () => {
    const writer = new RecordLineWriter(defaults);
    for (const at of [NOW, NOW + 100, NOW + 1000, NOW - 86_400_000, NOW]) {
      const event = { eventName: 'Tick' };
      expect(writer.line(event, 'id', at)).toBe(expected(event, 'id').replace('2026-11-24T12:30:45Z', new Date(at).toISOString().slice(0, 19) + 'Z'));
    }
  });

  it('refuses what completeRecord refuses', () => {
    const writer = new RecordLineWriter({ ...defaults, eventSource: undefined });
    expect(() => writer.line({ eventName: 'NoSource' }, 'id', NOW)).toThrow(/eventSource/);
    expect(() => writer.line({ eventName: '' }, 'id', NOW)).toThrow(/eventName/);
    expect(() => writer.line({ eventName: 'X', eventSource: 's', eventTime: new Date(NaN) }, 'id', NOW)).toThrow(/eventTime/);
    expect(() => writer.line(null as never, 'id', NOW)).toThrow(/object/);
  });
});

describe('randomUuid', () => {
  it('gives distinct version 4 UUIDs across refills', () => {
    const ids = Array.from({ length: 1000 }, () => randomUuid());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('timeOrderedUuid', () => {
  it('gives distinct version 7 UUIDs of the time asked for, as the server makes', () => {
    const times = Array.from({ length: 1000 }, (_, i) => NOW + Math.floor(i / 7));
    const ids = times.map((ms) => timeOrderedUuid(ms));
    expect(new Set(ids).size).toBe(1000);
    ids.forEach((id, i) => {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(timeOfOrderedId(id)).toBe(times[i]);
    });
  });
});
