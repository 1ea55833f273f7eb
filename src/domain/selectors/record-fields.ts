// How an advanced selector's Field reads a record (spec §5.3). Values are compared as strings, so the boolean
// `readOnly` reads as 'true'/'false'; a member that is absent or not text reads as undefined.
import type { CloudTrailRecord, RecordResource } from '../record.js';
import type { AdvancedField } from './advanced-fields.js';
import { eventCategoryOf } from './event-kind.js';

export type ScalarField = Exclude<AdvancedField, 'resources.type' | 'resources.ARN'>;
export type ScalarReader = (record: CloudTrailRecord) => string | undefined;

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  return typeof value === 'boolean' ? String(value) : undefined;
};

const member = (name: string): ScalarReader => (record) => text(record[name]);

export const SCALAR_READERS: Readonly<Record<ScalarField, ScalarReader>> = {
  eventCategory: eventCategoryOf,
  eventSource: member('eventSource'),
  eventName: member('eventName'),
  eventType: member('eventType'),
  readOnly: member('readOnly'),
  errorCode: member('errorCode'),
  vpcEndpointId: member('vpcEndpointId'),
  sessionCredentialFromConsole: member('sessionCredentialFromConsole'),
  'userIdentity.arn': (record) => text(record.userIdentity?.arn),
};

/** The record's resources, tolerating malformed imports where `resources` is not a list. */
export function resourcesOf(record: CloudTrailRecord): readonly RecordResource[] {
  return Array.isArray(record.resources) ? record.resources : [];
}
