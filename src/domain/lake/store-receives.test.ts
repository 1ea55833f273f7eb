import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../record.js';
import type { StoredEventDataStore } from '../../store/lake-store.js';
import { receivingStore, storeReceives, type LakeEventView } from './store-receives.js';

const ACCOUNT = '111122223333';
const CHANNEL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/c1`;

function store(overrides: Partial<StoredEventDataStore> = {}): StoredEventDataStore {
  return {
    arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/s1`, accountId: ACCOUNT, region: 'us-east-1', name: 'sss',
    status: 'ENABLED', selectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }],
    multiRegionEnabled: true, organizationEnabled: false, retentionPeriod: 7, terminationProtectionEnabled: false,
    billingMode: 'EXTENDABLE_RETENTION_PRICING', tags: [], createdMs: 0, updatedMs: 0, fromSeq: 10, ...overrides,
  };
}

function candidate(record: Record<string, unknown>, overrides: Partial<LakeEventView> = {}): LakeEventView {
  const metadata = record.metadata as { channelARN?: string } | undefined;
  return {
    seq: 11, accountId: ACCOUNT, region: 'us-east-1', category: String(record.eventCategory ?? 'Management'),
    channelArn: metadata?.channelARN, record: () => record as CloudTrailRecord, ...overrides,
  };
}

const write = { eventCategory: 'Management', readOnly: false, eventID: 'e1' };
const noChannels = () => [];

describe('storeReceives', () => {
  it('takes what the selectors match, after the store was created, in its account', () => {
    const receiving = receivingStore(store());
    expect(storeReceives(receiving, candidate(write), noChannels)).toBe(true);
    expect(storeReceives(receiving, candidate({ ...write, readOnly: true }), noChannels)).toBe(false);
    expect(storeReceives(receiving, candidate(write, { seq: 10 }), noChannels)).toBe(false);
    expect(storeReceives(receiving, candidate(write, { accountId: '999999999999' }), noChannels)).toBe(false);
    expect(storeReceives(receivingStore(store({ status: 'STOPPED_INGESTION' })), candidate(write), noChannels)).toBe(false);
  });

  it('keeps to its region unless multi-region', () => {
    const other = candidate(write, { region: 'eu-west-1' });
    expect(storeReceives(receivingStore(store()), other, noChannels)).toBe(true);
    expect(storeReceives(receivingStore(store({ multiRegionEnabled: false })), other, noChannels)).toBe(false);
  });

  it('takes ActivityAuditLog events only from channels that name it as a destination', () => {
    const audit = store({ selectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }] });
    const event = candidate({ eventCategory: 'ActivityAuditLog', eventID: 'e2', metadata: { channelARN: CHANNEL } });
    const receiving = receivingStore(audit);
    expect(storeReceives(receiving, event, (arn) => (arn === CHANNEL ? [audit.arn] : []))).toBe(true);
    expect(storeReceives(receiving, event, () => ['arn:other'])).toBe(false);
    expect(storeReceives(receiving, candidate({ eventCategory: 'ActivityAuditLog', eventID: 'e3' }), () => [audit.arn])).toBe(false);
    expect(storeReceives(receivingStore(store()), event, () => [store().arn])).toBe(false);
  });

  it('decides by category alone when the selectors name nothing else, without reading the record', () => {
    const all = store({ selectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] });
    const unread = candidate(write, { record: () => { throw new Error('the record was read'); } });
    expect(storeReceives(receivingStore(all), unread, noChannels)).toBe(true);
    expect(storeReceives(receivingStore(store()), candidate(write, { record: () => undefined }), noChannels)).toBe(false);
  });
});
