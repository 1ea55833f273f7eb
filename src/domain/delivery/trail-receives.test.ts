import { describe, expect, it } from 'vitest';
import { indexEvent, type EventOrigin } from '../indexed-event.js';
import type { CloudTrailRecord } from '../record.js';
import type { TrailSelectors } from '../selectors/trail-selectors.js';
import { makeRecord } from '../../../test/support/records.js';
import { CandidateEvent } from './candidate-event.js';
import { deliverableEvent } from './deliverable-event.js';
import { receivingTrail, trailReceives, type TrailRegionScope } from './trail-receives.js';

const EAST1: TrailRegionScope = { homeRegion: 'us-east-1', isMultiRegionTrail: false, includeGlobalServiceEvents: true };
const EAST1_NO_GLOBAL: TrailRegionScope = { ...EAST1, includeGlobalServiceEvents: false };
const EAST2: TrailRegionScope = { homeRegion: 'us-east-2', isMultiRegionTrail: false, includeGlobalServiceEvents: true };
const MULTI: TrailRegionScope = { homeRegion: 'us-east-2', isMultiRegionTrail: true, includeGlobalServiceEvents: true };
const MULTI_NO_GLOBAL: TrailRegionScope = { ...MULTI, includeGlobalServiceEvents: false };

const WRITE_ONLY: TrailSelectors = {
  kind: 'basic',
  selectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
};

const ec2 = (region: string): Partial<CloudTrailRecord> => ({ eventSource: 'ec2.amazonaws.com', awsRegion: region });
const global = (source: string, host?: string): Partial<CloudTrailRecord> => ({
  eventSource: source,
  awsRegion: 'us-east-1',
  ...(host ? { tlsDetails: { tlsVersion: 'TLSv1.3', clientProvidedHostHeader: host } } : {}),
});
const s3Data: Partial<CloudTrailRecord> = {
  eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventCategory: 'Data', managementEvent: false,
  resources: [{ type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::b/k' }],
};

const candidate = (overrides: Partial<CloudTrailRecord>, origin: EventOrigin = 'recorded') =>
  new CandidateEvent(deliverableEvent(1, indexEvent(makeRecord(overrides), { origin })));

describe('trailReceives', () => {
  it.each<[string, TrailRegionScope, Partial<CloudTrailRecord>, boolean]>([
    ['single-region: its home region', EAST2, ec2('us-east-2'), true],
    ['single-region: another region', EAST2, ec2('eu-west-1'), false],
    ['single-region outside us-east-1: global-service events', EAST2, global('iam.amazonaws.com'), false],
    ['us-east-1 trail: IAM with IncludeGlobalServiceEvents', EAST1, global('iam.amazonaws.com'), true],
    ['us-east-1 trail: IAM without IncludeGlobalServiceEvents', EAST1_NO_GLOBAL, global('iam.amazonaws.com'), false],
    ['us-east-1 trail: CloudFront without global', EAST1_NO_GLOBAL, global('cloudfront.amazonaws.com'), false],
    ['us-east-1 trail: console sign-in without global', EAST1_NO_GLOBAL, global('signin.amazonaws.com'), false],
    ['us-east-1 trail: regional service without global', EAST1_NO_GLOBAL, ec2('us-east-1'), true],
    ['us-east-1 trail: STS global endpoint without global', EAST1_NO_GLOBAL, global('sts.amazonaws.com', 'sts.amazonaws.com'), false],
    ['us-east-1 trail: STS regional endpoint without global', EAST1_NO_GLOBAL, global('sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'), true],
    ['us-east-1 trail: STS, host unknown, without global', EAST1_NO_GLOBAL, global('sts.amazonaws.com'), false],
    ['multi-region: any region', MULTI, ec2('ap-southeast-2'), true],
    ['multi-region: home region', MULTI, ec2('us-east-2'), true],
    ['multi-region: global-service events', MULTI, global('iam.amazonaws.com'), true],
    ['multi-region without global: global-service events', MULTI_NO_GLOBAL, global('iam.amazonaws.com'), false],
    ['multi-region without global: IAM-named source elsewhere', MULTI_NO_GLOBAL, { eventSource: 'iam.amazonaws.com', awsRegion: 'eu-west-1' }, true],
    ['default selectors: data events', MULTI, { ...s3Data, awsRegion: 'us-east-2' }, false],
  ])('%s → %s', (_, scope, overrides, expected) => {
    expect(trailReceives(receivingTrail(scope), candidate(overrides))).toBe(expected);
  });

  it('never delivers imported events: this platform did not record them', () => {
    expect(trailReceives(receivingTrail(MULTI), candidate(ec2('us-east-2'), 'imported'))).toBe(false);
  });

  it('applies the selectors after the region scope', () => {
    const trail = receivingTrail({ ...EAST1, selectors: WRITE_ONLY });
    expect(trailReceives(trail, candidate({ ...ec2('us-east-1'), readOnly: false, eventName: 'RunInstances' }))).toBe(true);
    expect(trailReceives(trail, candidate({ ...ec2('us-east-1'), readOnly: true }))).toBe(false);
    expect(trailReceives(trail, candidate({ ...ec2('us-east-2'), readOnly: false }))).toBe(false);
  });

  it('parses a record once however many trails look at it', () => {
    const event = candidate(ec2('us-east-1'));
    const first = event.record;
    expect(trailReceives(receivingTrail(EAST1), event)).toBe(true);
    expect(event.record).toBe(first);
  });
});
