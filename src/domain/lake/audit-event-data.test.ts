import { describe, expect, it } from 'vitest';
import { checkAuditEvent, eventDataChecksum } from './audit-event-data.js';
import { auditEventId, auditEventRecord, indexAuditEvent } from './audit-event-record.js';
import { timeOfOrderedId } from '../time-ordered-id.js';

const OWNER = '123456789012';
const data = (overrides: Record<string, unknown> = {}) => ({
  version: '1.0', userIdentity: { type: 'CustomUser', principalId: 'bob' }, eventSource: 'app', eventName: 'Login',
  eventTime: '2026-02-03T04:05:06Z', UID: 'u1', recipientAccountId: OWNER, ...overrides,
});
const codeOf = (text: string, checksum?: string) => {
  const check = checkAuditEvent(text, checksum, OWNER);
  return check.ok ? 'ok' : check.problem.code;
};

describe('checkAuditEvent', () => {
  it('accepts the documented schema, with and without a checksum', () => {
    const text = JSON.stringify(data({ requestParameters: { a: 1 }, additionalEventData: { b: 2 }, errorCode: 'Denied' }));
    expect(codeOf(text)).toBe('ok');
    expect(codeOf(text, eventDataChecksum(text))).toBe('ok');
    expect(codeOf(JSON.stringify(data({ eventTime: '2026-02-03T04:05:06' })))).toBe('ok');
  });

  it('computes the checksum as openssl dgst -sha256 | base64 does', () => {
    // printf %s '{"a":1}' | openssl dgst -binary -sha256 | base64
    expect(eventDataChecksum('{"a":1}')).toBe('AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=');
  });

  it.each([
    ['a wrong checksum', JSON.stringify(data()), 'AAAA', 'InvalidChecksum'],
    ['text that is not JSON', '{"version":', undefined, 'InvalidData'],
    ['a JSON array', '[]', undefined, 'InvalidData'],
    ['no userIdentity', JSON.stringify({ ...data(), userIdentity: undefined }), undefined, 'FieldNotFound'],
    ['no principalId', JSON.stringify(data({ userIdentity: { type: 'x' } })), undefined, 'FieldNotFound'],
    ['no UID', JSON.stringify({ ...data(), UID: undefined }), undefined, 'FieldNotFound'],
    ['a numeric eventName', JSON.stringify(data({ eventName: 5 })), undefined, 'InvalidData'],
    ['a 257-character version', JSON.stringify(data({ version: 'v'.repeat(257) })), undefined, 'FieldTooLong'],
    ['a 129-character userIdentity.type', JSON.stringify(data({ userIdentity: { type: 't'.repeat(129), principalId: 'p' } })), undefined, 'FieldTooLong'],
    ['a 257-character errorCode', JSON.stringify(data({ errorCode: 'e'.repeat(257) })), undefined, 'FieldTooLong'],
    ['requestParameters over 100 KB', JSON.stringify(data({ requestParameters: { x: 'x'.repeat(100 * 1024) } })), undefined, 'FieldTooLong'],
    ['additionalEventData over 28 KB', JSON.stringify(data({ additionalEventData: { x: 'x'.repeat(28 * 1024) } })), undefined, 'FieldTooLong'],
    // 8 KB as sent, 33 KB as JSON.stringify writes the numbers back: the size is that of the serialized member.
    ['additionalEventData over 28 KB once its numbers are written out', JSON.stringify(data()).replace(/}$/, `,"additionalEventData":{"n":[${Array(1500).fill('1e20').join(',')}]}}`), undefined, 'FieldTooLong'],
    ['a small requestParameters that is not an object', JSON.stringify(data({ requestParameters: [1] })), undefined, 'InvalidData'],
    ['requestParameters that are a string', JSON.stringify(data({ requestParameters: 'a=1' })), undefined, 'InvalidData'],
    ['an eventTime with a zone offset', JSON.stringify(data({ eventTime: '2026-02-03T04:05:06+02:00' })), undefined, 'InvalidData'],
    ['an impossible date', JSON.stringify(data({ eventTime: '2026-02-30T04:05:61Z' })), undefined, 'InvalidData'],
    ['another recipient', JSON.stringify(data({ recipientAccountId: '999999999999' })), undefined, 'InvalidRecipient'],
    // Deep enough to overflow JSON.stringify's stack, which the size check of a large member would call.
    ['requestParameters nested 100,000 levels deep', JSON.stringify(data()).replace(/}$/, `,"requestParameters":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`), undefined, 'InvalidData'],
    ['a small eventData nested 101 levels deep', JSON.stringify(data({ requestParameters: { a: JSON.parse('['.repeat(100) + ']'.repeat(100)) } })), undefined, 'InvalidData'],
  ])('refuses %s', (_what, text, checksum, code) => {
    expect(codeOf(text, checksum)).toBe(code);
  });
});

describe('the stored record', () => {
  const facts = (text: string) => {
    const check = checkAuditEvent(text, undefined, OWNER);
    if (!check.ok) throw new Error('bad fixture');
    return { channelArn: 'arn:aws:cloudtrail:us-east-1:123456789012:channel/c', id: 'e1', eventData: check.data, eventDataText: text, eventDataChecksum: check.checksum, timeMs: check.timeMs, region: 'eu-west-1', ingestionTime: '2026-02-03T05:00:00Z' };
  };

  it('wraps eventData in the envelope CloudTrail adds, indexed under the caller\'s names', () => {
    const f = facts(JSON.stringify(data({ eventTime: '2026-02-03T04:05:06.789' })));
    const record = auditEventRecord(f);
    expect(record).toEqual({
      eventVersion: '1.0', eventCategory: 'ActivityAuditLog', eventType: 'ActivityLog', eventID: auditEventId(f.channelArn, 'e1', eventDataChecksum(f.eventDataText), f.timeMs),
      eventTime: '2026-02-03T04:05:06Z', awsRegion: 'eu-west-1', recipientAccountId: OWNER,
      metadata: { ingestionTime: '2026-02-03T05:00:00Z', channelARN: f.channelArn }, eventData: f.eventData,
    });
    const stores = ['arn:aws:cloudtrail:eu-west-1:123456789012:eventdatastore/s1'];
    const indexed = indexAuditEvent(record, f, { inHistory: true, origin: 'recorded', channelStores: stores });
    expect(indexed).toMatchObject({
      accountId: OWNER, region: 'eu-west-1', timeMs: Date.UTC(2026, 1, 3, 4, 5, 6), category: 'ActivityAuditLog', channelStores: stores,
    });
    expect(JSON.parse(indexed.json)).toEqual(record);
    const { eventData: _data, ...envelope } = record;
    expect(indexed.json).toBe(`${JSON.stringify(envelope).slice(0, -1)},"eventData":${f.eventDataText}}`);
    expect(indexed.json.endsWith(`"eventData":${f.eventDataText}}`)).toBe(true);
    expect(indexed.attributes).toEqual({ eventId: record.eventID, eventName: 'Login', eventSource: 'app', username: 'bob', resources: [] });
  });

  it('derives the same eventID for a retry and a new one for new data under the same id', () => {
    const arn = 'arn:aws:cloudtrail:us-east-1:123456789012:channel/c';
    const at = Date.UTC(2026, 1, 3, 4, 5, 6, 789);
    const id = (channel: string, data: string) => auditEventId(channel, 'e1', eventDataChecksum(data), at);
    expect(id(arn, '{"a":1}')).toBe(id(arn, '{"a":1}'));
    expect(id(arn, '{"a":2}')).not.toBe(id(arn, '{"a":1}'));
    expect(id(`${arn}2`, '{"a":1}')).not.toBe(id(arn, '{"a":1}'));
    // A version 7 UUID of the event's time.
    expect(id(arn, '{"a":1}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeOfOrderedId(id(arn, '{"a":1}'))).toBe(at);
  });
});
