import { describe, expect, it } from 'vitest';
import { apiCallRecord, type ApiCallFacts } from '../api-call-record.js';
import { indexEvent } from '../indexed-event.js';
import { compileSelectors } from '../selectors/compile-selectors.js';
import type { StoredEventSelector } from '../selectors/event-selector.js';
import { defaultTrailSelectors, type TrailSelectors } from '../selectors/trail-selectors.js';
import { allManagementEventsPredicate } from './all-management-events.js';
import { deliverableEvent } from './deliverable-event.js';

const selector = (overrides: Partial<StoredEventSelector>): StoredEventSelector => ({
  ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [], ...overrides,
});
const basic = (...selectors: StoredEventSelector[]): TrailSelectors => ({ kind: 'basic', selectors });

const call = (overrides: Partial<ApiCallFacts>): ApiCallFacts => ({
  identity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
  accountId: '123456789012', region: 'us-east-1', eventSource: 'cloudtrail.amazonaws.com', eventName: 'LookupEvents',
  eventTime: new Date(Date.UTC(2025, 0, 1)), sourceIPAddress: '127.0.0.1', requestParameters: null, responseElements: null,
  requestId: 'r', readOnly: true, ...overrides,
});

/** What this platform records: management reads and writes, S3 data events, from several sources. */
const recorded = [
  call({}),
  call({ eventName: 'StartLogging', readOnly: false }),
  call({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt' }),
  call({ eventSource: 's3.amazonaws.com', eventName: 'CreateBucket', readOnly: false }),
  call({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', managementEvent: false, resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::b/k' }] }),
].map((facts) => apiCallRecord(facts));

describe('allManagementEventsPredicate', () => {
  it.each<[string, TrailSelectors]>([
    ['the default', defaultTrailSelectors()],
    ['one of several selectors taking everything', basic(selector({ ReadWriteType: 'ReadOnly' }), selector({}))],
  ])('decides from the facts alone for %s, as the compiled selectors do', (_, selectors) => {
    const facts = allManagementEventsPredicate(selectors);
    expect(facts).toBeDefined();
    const full = compileSelectors(selectors);
    for (const record of recorded) expect(facts!(deliverableEvent(1, indexEvent(record, { origin: 'recorded' })))).toBe(full(record));
  });

  it.each<[string, TrailSelectors]>([
    ['read-only management events', basic(selector({ ReadWriteType: 'ReadOnly' }))],
    ['excluded sources', basic(selector({ ExcludeManagementEventSources: ['kms.amazonaws.com'] }))],
    ['data events', basic(selector({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::b/'] }] }))],
    ['no management events', basic(selector({ IncludeManagementEvents: false }))],
    ['advanced selectors', { kind: 'advanced', selectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }],
  ])('leaves %s to the record', (_, selectors) => {
    expect(allManagementEventsPredicate(selectors)).toBeUndefined();
  });
});
