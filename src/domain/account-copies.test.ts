import { describe, expect, it } from 'vitest';
import type { ApiCallFacts } from './api-call-record.js';
import { apiCallRecord } from './api-call-record.js';
import type { Caller } from './caller.js';
import { accountCopies } from './account-copies.js';

const caller: Caller = { accountId: '111111111111', type: 'IAMUser', principalId: 'AIDAX', arn: 'arn:aws:iam::111111111111:user/x', userName: 'x', accessKeyId: 'AKIAX' };
const facts: ApiCallFacts = {
  identity: { type: 'IAMUser', principalId: 'AIDAX', arn: caller.arn, accountId: caller.accountId },
  accountId: caller.accountId, region: 'us-east-1', eventSource: 's3.amazonaws.com', eventName: 'GetObject',
  eventTime: new Date(0), sourceIPAddress: '127.0.0.1', requestParameters: null, responseElements: null, requestId: 'r', readOnly: true,
};

describe('account copies', () => {
  it('records a call on the caller\'s own resources once', () => {
    expect(accountCopies({ ...facts, resources: [{ ARN: 'arn:aws:s3:::b', accountId: caller.accountId }] }, caller)).toHaveLength(1);
  });

  it('gives each other resource owner a copy naming the caller as AWSAccount, all sharing one sharedEventID', () => {
    const copies = accountCopies({ ...facts, resources: [{ ARN: 'arn:aws:s3:::b', accountId: '222222222222' }, { ARN: 'arn:aws:s3:::b/k' }] }, caller);
    const records = copies.map(apiCallRecord);
    expect(records.map((r) => r.recipientAccountId)).toEqual(['111111111111', '222222222222']);
    expect(records[1]!.userIdentity).toEqual({ type: 'AWSAccount', principalId: 'AIDAX', accountId: '111111111111' });
    expect(records[0]!.userIdentity).toEqual(facts.identity);
    expect(records[0]!.sharedEventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(records[1]!.sharedEventID).toBe(records[0]!.sharedEventID);
    expect(records[1]!.eventID).not.toBe(records[0]!.eventID);
    expect(Object.keys(records[0]!).slice(-3)).toEqual(['recipientAccountId', 'sharedEventID', 'eventCategory']);
  });
});
