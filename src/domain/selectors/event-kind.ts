// Which kind of event a record is. `eventCategory` only exists from eventVersion 1.07, and imported logs are older,
// so a record without it falls back to `managementEvent` (1.06) and then to `eventType`.
import type { CloudTrailRecord } from '../record.js';

export function eventCategoryOf(record: CloudTrailRecord): string {
  const category: unknown = record.eventCategory;
  if (typeof category === 'string' && category !== '') return category;
  if (record.eventType === 'AwsCloudTrailInsight') return 'Insight';
  // Older records carry no marker at all; nearly all of them are management events.
  return record.managementEvent === false ? 'Data' : 'Management';
}

export const isDataEvent = (record: CloudTrailRecord): boolean => eventCategoryOf(record) === 'Data';

export const isManagementEvent = (record: CloudTrailRecord): boolean => eventCategoryOf(record) === 'Management';
