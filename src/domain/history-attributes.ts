// What Event History indexes of a record: the eight LookupEvents attributes (spec §4.6). Pure, so that the live
// recorder, `opentrail import` and every Store backend derive exactly the same values from the same record.
import type { CloudTrailRecord, UserIdentity } from './record.js';
import { resourcesFromParameters } from './well-known-resources.js';
import { resourcesOf } from './selectors/record-fields.js';

export interface HistoryResource {
  type?: string;
  name: string;
}

export interface HistoryAttributes {
  eventId: string;
  eventName: string;
  eventSource: string;
  readOnly?: boolean;
  username?: string;
  accessKeyId?: string;
  resources: HistoryResource[];
}

export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId',
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

export function historyAttributes(record: CloudTrailRecord): HistoryAttributes {
  const attrs: HistoryAttributes = {
    eventId: record.eventID,
    eventName: text(record.eventName) ?? insightMember(record, 'eventName') ?? '',
    eventSource: text(record.eventSource) ?? insightMember(record, 'eventSource') ?? '',
    resources: historyResources(record),
  };
  if (typeof record.readOnly === 'boolean') attrs.readOnly = record.readOnly;
  const username = usernameOf(record.userIdentity);
  if (username) attrs.username = username;
  const key = text(record.userIdentity?.accessKeyId);
  if (key) attrs.accessKeyId = key;
  return attrs;
}

/**
 * Event History's `Username`: the friendly name of whoever called. AWS shows `root` for the root user, the user
 * name for IAM users and the session name for role sessions; services are named by what invoked them.
 */
export function usernameOf(identity: UserIdentity | undefined): string | undefined {
  // Imported and produced records are not always well formed: a member of the wrong type counts as absent.
  if (typeof identity !== 'object' || identity === null) return undefined;
  const [userName, arn, principalId] = [text(identity.userName), text(identity.arn), text(identity.principalId)];
  switch (identity.type) {
    case 'Root':
      return userName ?? 'root';
    case 'AssumedRole':
    case 'FederatedUser':
      return lastArnSegment(arn) ?? afterColon(principalId);
    case 'AWSService':
      return text(identity.invokedBy);
    default:
      return userName ?? lastArnSegment(arn) ?? principalId;
  }
}

/** Insights records name the API they are about only inside insightDetails (spec §7); LookupEvents filters on it. */
function insightMember(record: CloudTrailRecord, name: 'eventName' | 'eventSource'): string | undefined {
  const details: unknown = record.insightDetails;
  return typeof details === 'object' && details !== null ? text((details as Record<string, unknown>)[name]) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function lastArnSegment(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const slash = arn.lastIndexOf('/');
  return slash >= 0 && slash < arn.length - 1 ? arn.slice(slash + 1) : undefined;
}

function afterColon(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const colon = id.indexOf(':');
  return colon >= 0 ? id.slice(colon + 1) : id;
}

function historyResources(record: CloudTrailRecord): HistoryResource[] {
  const found = new Map<string, HistoryResource>();
  const add = (r: HistoryResource) => {
    const key = `${r.type ?? ''}\u0000${r.name}`;
    if (!found.has(key)) found.set(key, r);
  };
  for (const r of resourcesOf(record)) {
    if (r.ARN) add(r.type ? { type: r.type, name: r.ARN } : { name: r.ARN });
  }
  for (const r of resourcesFromParameters(record.eventSource, record.requestParameters)) add(r);
  return [...found.values()];
}
