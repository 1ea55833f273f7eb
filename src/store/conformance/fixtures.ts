// Hand-made CloudTrail records for the Store conformance suite, indexed the way every writer indexes them.
import { randomUUID } from 'node:crypto';
import type { CloudTrailRecord, UserIdentity } from '../../domain/record.js';
import { indexEvent, type IndexedEvent } from '../../domain/indexed-event.js';
import type { HistoryQuery } from '../store.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';
/** 2025-03-10T12:00:00Z: an ordinary midday, far from any day boundary. */
export const NOON_MS = Date.UTC(2025, 2, 10, 12);

export function iamUser(userName: string, accessKeyId: string): UserIdentity {
  return {
    type: 'IAMUser',
    principalId: `AIDA${userName.toUpperCase()}`,
    arn: `arn:aws:iam::${ACCOUNT}:user/${userName}`,
    accountId: ACCOUNT,
    accessKeyId,
    userName,
  };
}

export function record(overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.11',
    userIdentity: iamUser('alice', 'AKIAALICE0000000000A'),
    eventTime: isoSeconds(NOON_MS),
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    awsRegion: REGION,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.27.0',
    requestParameters: null,
    responseElements: null,
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    ...overrides,
  };
}

/** A recorded event; `json` keeps a record's exact text when the test cares about bytes. */
export function event(overrides: Partial<CloudTrailRecord> = {}, json?: string): IndexedEvent {
  return indexEvent(record(overrides), json === undefined ? { origin: 'recorded' } : { origin: 'recorded', json });
}

export function importedEvent(overrides: Partial<CloudTrailRecord> = {}): IndexedEvent {
  return indexEvent(record(overrides), { origin: 'imported' });
}

/** An event `secondsAfterNoon` seconds after NOON_MS (negative: before). */
export function eventAt(secondsAfterNoon: number, overrides: Partial<CloudTrailRecord> = {}): IndexedEvent {
  return event({ eventTime: isoSeconds(NOON_MS + secondsAfterNoon * 1000), ...overrides });
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** Management events of ACCOUNT in REGION over all time, one page of 50. */
export function historyQuery(overrides: Partial<HistoryQuery> = {}): HistoryQuery {
  return {
    accountId: ACCOUNT,
    region: REGION,
    startMs: 0,
    endMs: Date.UTC(2100, 0),
    filters: [],
    category: 'management',
    limit: 50,
    ...overrides,
  };
}
