// How an advanced selector's Field reads a record (spec §5.3). Values are compared as strings, so the boolean
// `readOnly` reads as 'true'/'false'; a member that is absent or not text reads as undefined.
import type { CloudTrailRecord, RecordResource } from '../record.js';
import type { AdvancedField } from './advanced-fields.js';
import { eventCategoryOf } from './event-kind.js';
import { isObject } from '../json-object.js';

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

/**
 * The record's resources, as readers may take them: malformed imports, where `resources` is not a list, an entry is
 * not an object or its `type` / `ARN` not text, read as if those were absent rather than failing every reader.
 */
export function resourcesOf(record: CloudTrailRecord): readonly RecordResource[] {
  const resources: unknown = record.resources;
  if (!Array.isArray(resources)) return [];
  return resources.every(wellFormed) ? resources as RecordResource[] : resources.filter(isObject).map(textMembers);
}

/** The members of a `resources` entry (spec §1.2), all text. */
export const RESOURCE_MEMBERS = ['ARN', 'accountId', 'type'] as const;

function wellFormed(resource: unknown): boolean {
  return isObject(resource) && RESOURCE_MEMBERS.every((name) => optionalText(resource[name]));
}

function textMembers(resource: Record<string, unknown>): RecordResource {
  const kept: RecordResource = {};
  for (const name of RESOURCE_MEMBERS) {
    const value = resource[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
