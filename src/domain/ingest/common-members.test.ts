import { describe, expect, it } from 'vitest';
import { commonMembersProblem, withCommonMembers } from './common-members.js';

const common = { eventVersion: '1.08', eventSource: 'orders.example.com', awsRegion: 'eu-west-1', userIdentity: { type: 'Unknown' } };

describe('withCommonMembers', () => {
  it('completes a record in CloudTrail member order, the record winning over Common (null included)', () => {
    const record = { eventID: 'e-1', eventName: 'GetOrder', eventTime: '2025-01-01T00:00:00Z', awsRegion: 'us-east-1', requestParameters: null };
    const complete = withCommonMembers(record, common);
    expect(JSON.stringify(complete)).toBe(JSON.stringify({
      eventVersion: '1.08', userIdentity: { type: 'Unknown' }, eventTime: '2025-01-01T00:00:00Z', eventSource: 'orders.example.com',
      eventName: 'GetOrder', awsRegion: 'us-east-1', requestParameters: null, eventID: 'e-1',
    }));
    expect(record).not.toHaveProperty('eventVersion');
  });

  it('keeps members beyond CloudTrail\'s own after them, the record\'s first, `__proto__` as a plain member', () => {
    const record = JSON.parse('{"eventID":"e-2","x-own":1,"__proto__":{"polluted":true}}') as unknown;
    const complete = withCommonMembers(record, { ...common, 'x-shared': 2 }) as Record<string, unknown>;
    expect(Object.keys(complete)).toEqual(['eventVersion', 'userIdentity', 'eventSource', 'awsRegion', 'eventID', 'x-own', '__proto__', 'x-shared']);
    expect(Object.getPrototypeOf(complete)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves what is not an object for the record checks to refuse', () => {
    expect(withCommonMembers('text', common)).toBe('text');
    expect(withCommonMembers(null, common)).toBeNull();
    expect(withCommonMembers([1], common)).toEqual([1]);
  });
});

describe('commonMembersProblem', () => {
  it('refuses an eventID in Common and accepts the rest', () => {
    expect(commonMembersProblem({ ...common, eventID: 'same' })).toMatch(/eventID/);
    expect(commonMembersProblem(common)).toBeUndefined();
  });
});
