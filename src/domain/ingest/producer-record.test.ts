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

  it.each([
    ['not an object', 'text', 'JSON object'],
    ['no eventID', { ...base, eventID: undefined }, 'eventID'],
    ['an empty eventName', { ...base, eventName: '' }, 'eventName'],
    ['a long eventID', { ...base, eventID: 'x'.repeat(129) }, 'eventID'],
    ['a bad time', { ...base, eventTime: 'soon' }, 'eventTime'],
    ['a bad region', { ...base, awsRegion: 'mars' }, 'awsRegion'],
    ['no userIdentity type', { ...base, userIdentity: {} }, 'userIdentity'],
    ['another account', { ...base, recipientAccountId: '999999999999' }, "caller's account"],
    ['a malformed account', { ...base, recipientAccountId: '12' }, '12 digits'],
  ])('refuses %s', (_what, value, says) => {
    const check = checkProducerRecord(value, CALLER);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(says);
  });
});
