import { describe, expect, it } from 'vitest';
import { checkProducerRecord } from './producer-record.js';

const CALLER = '123456789012';
const base = {
  eventVersion: '1.08', eventTime: '2025-01-01T00:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances',
  awsRegion: 'us-east-1', eventID: 'e-1', userIdentity: { type: 'IAMUser' },
};

describe('checkProducerRecord', () => {
  it('fills in the recipient and the category a record leaves out, and keeps the rest', () => {
    expect(checkProducerRecord(base, CALLER)).toEqual({ ok: true, record: { ...base, recipientAccountId: CALLER, eventCategory: 'Management' } });
    const data = { ...base, managementEvent: false };
    expect(checkProducerRecord(data, CALLER)).toEqual({ ok: true, record: { ...data, recipientAccountId: CALLER, eventCategory: 'Data' } });
    const full = { ...base, recipientAccountId: CALLER, eventCategory: 'Data', extra: { kept: true } };
    expect(checkProducerRecord(full, CALLER)).toEqual({ ok: true, record: full });
  });

  it('takes characters beyond the BMP (surrogate pairs) in its text members', () => {
    expect(checkProducerRecord({ ...base, eventName: 'Ship📦', eventID: 'e-😀' }, CALLER).ok).toBe(true);
  });

  it('takes a real service event whose userIdentity has no type (spec data: AwsServiceEvent)', () => {
    const serviceEvent = { ...base, eventType: 'AwsServiceEvent', userIdentity: { accountId: CALLER, invokedBy: 'secretsmanager.amazonaws.com' } };
    expect(checkProducerRecord(serviceEvent, CALLER).ok).toBe(true);
  });

  it.each([
    ['not an object', 'text', 'JSON object'],
    ['no eventID', { ...base, eventID: undefined }, 'eventID'],
    ['an empty eventName', { ...base, eventName: '' }, 'eventName'],
    ['a long eventID', { ...base, eventID: 'x'.repeat(129) }, 'eventID'],
    ['a bad time', { ...base, eventTime: 'soon' }, 'eventTime'],
    ['a bad region', { ...base, awsRegion: 'mars' }, 'awsRegion'],
    ['no userIdentity', { ...base, userIdentity: undefined }, 'userIdentity'],
    ['a userIdentity that is a list', { ...base, userIdentity: [] }, 'userIdentity'],
    ['a userIdentity type that is not text', { ...base, userIdentity: { type: 5 } }, 'userIdentity.type'],
    ['a numeric userIdentity.arn', { ...base, userIdentity: { type: 'AssumedRole', arn: 5 } }, 'userIdentity.arn'],
    ['an object userName', { ...base, userIdentity: { type: 'IAMUser', userName: { a: 1 } } }, 'userIdentity.userName'],
    ['a sessionContext that is text', { ...base, userIdentity: { type: 'AssumedRole', sessionContext: 'x' } }, 'sessionContext'],
    ['a null resource', { ...base, resources: [null] }, 'resources[0]'],
    ['a resource type that is not text', { ...base, resources: [{ ARN: 'arn:x', type: true }] }, 'resources[0].type'],
    ['a numeric resource ARN', { ...base, resources: [{ ARN: 5 }] }, 'resources[0].ARN'],
    ['resources that are not a list', { ...base, resources: { ARN: 'arn:x' } }, 'resources must be a list'],
    ['a readOnly string', { ...base, readOnly: 'true' }, 'readOnly'],
    ['a requestParameters list', { ...base, requestParameters: [1] }, 'requestParameters'],
    ['an additionalEventData string', { ...base, additionalEventData: 'x' }, 'additionalEventData'],
    ['a numeric errorCode', { ...base, errorCode: 403 }, 'errorCode'],
    ['an eventID with a lone surrogate', { ...base, eventID: 'id-\ud800' }, 'lone UTF-16 surrogate'],
    ['an eventName with a lone low surrogate', { ...base, eventName: '\udc00Run' }, 'eventName'],
    ['a time without Z', { ...base, eventTime: '2026-11-24T10:00:00' }, 'eventTime'],
    ['a time with milliseconds', { ...base, eventTime: '2026-11-24T10:00:00.123Z' }, 'eventTime'],
    ['a date alone', { ...base, eventTime: '2026-11-24' }, 'eventTime'],
    ['an impossible date', { ...base, eventTime: '2026-02-31T10:00:00Z' }, 'eventTime'],
    ['deep nesting', { ...base, requestParameters: { a: JSON.parse('['.repeat(200) + ']'.repeat(200)) } }, 'levels deep'],
    ['another account', { ...base, recipientAccountId: '999999999999' }, "caller's account"],
    ['a malformed account', { ...base, recipientAccountId: '12' }, '12 digits'],
  ])('refuses %s', (_what, value, says) => {
    const check = checkProducerRecord(value, CALLER);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(says);
  });
});
