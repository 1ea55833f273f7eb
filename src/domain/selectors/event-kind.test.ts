import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../record.js';
import { eventCategoryOf, isDataEvent, isManagementEvent } from './event-kind.js';

const record = (members: Partial<CloudTrailRecord>): CloudTrailRecord =>
  ({ eventVersion: '1.05', eventTime: '2016-01-01T00:00:00Z', awsRegion: 'us-east-1', eventID: 'e', eventType: 'AwsApiCall', ...members }) as CloudTrailRecord;

describe('eventCategoryOf', () => {
  it.each<[string, Partial<CloudTrailRecord>, string]>([
    ['eventCategory when present', { eventCategory: 'NetworkActivity', managementEvent: true }, 'NetworkActivity'],
    ['eventCategory over a contradicting managementEvent', { eventCategory: 'Management', managementEvent: false }, 'Management'],
    ['managementEvent false before 1.07', { managementEvent: false }, 'Data'],
    ['managementEvent true before 1.07', { managementEvent: true }, 'Management'],
    ['an Insights record without eventCategory', { eventType: 'AwsCloudTrailInsight' }, 'Insight'],
    ['nothing at all (before 1.06)', {}, 'Management'],
    ['an empty eventCategory', { eventCategory: '', managementEvent: false }, 'Data'],
  ])('reads %s', (_, members, expected) => {
    expect(eventCategoryOf(record(members))).toBe(expected);
  });

  it('tells data events from management events', () => {
    const data = record({ eventCategory: 'Data' });
    const management = record({ eventCategory: 'Management' });
    const insight = record({ eventCategory: 'Insight' });
    expect([isDataEvent(data), isDataEvent(management), isDataEvent(insight)]).toEqual([true, false, false]);
    expect([isManagementEvent(data), isManagementEvent(management), isManagementEvent(insight)]).toEqual([false, true, false]);
  });
});
