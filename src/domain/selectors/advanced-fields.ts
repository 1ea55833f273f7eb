// Which fields an advanced selector may filter on, per event category and per kind of owner, and which operators
// and values each field accepts (spec §5.3, table "Supported Field values" and "Operator restrictions").
import { EXCLUDABLE_MANAGEMENT_SOURCES } from './event-selector.js';
import type { Operator } from './advanced-event-selector.js';

export const ADVANCED_FIELDS = [
  'eventCategory', 'eventSource', 'eventName', 'eventType', 'readOnly', 'resources.type', 'resources.ARN',
  'userIdentity.arn', 'errorCode', 'sessionCredentialFromConsole', 'vpcEndpointId',
] as const;
export type AdvancedField = (typeof ADVANCED_FIELDS)[number];

/** Trails and event data stores accept different fields for the same category. */
export type SelectorOwner = 'trail' | 'eventDataStore';

interface CategoryRule {
  /** Fields a trail may use, or undefined when trails cannot select the category at all. */
  trail: readonly AdvancedField[] | undefined;
  eventDataStore: readonly AdvancedField[];
  required: readonly AdvancedField[];
}

const MANAGEMENT_TRAIL: readonly AdvancedField[] = ['eventCategory', 'eventSource', 'readOnly'];
const DATA: readonly AdvancedField[] = [
  'eventCategory', 'resources.type', 'resources.ARN', 'eventName', 'eventSource', 'eventType', 'readOnly',
  'sessionCredentialFromConsole', 'userIdentity.arn',
];
const NETWORK_ACTIVITY: readonly AdvancedField[] = [
  'eventCategory', 'eventSource', 'eventName', 'errorCode', 'vpcEndpointId', 'userIdentity.arn',
];
// Lake-only categories are picked whole: "filtering is not supported" for them.
const CATEGORY_ONLY: readonly AdvancedField[] = ['eventCategory'];

export const CATEGORY_RULES: Readonly<Record<string, CategoryRule>> = {
  Management: {
    trail: MANAGEMENT_TRAIL,
    eventDataStore: [...MANAGEMENT_TRAIL, 'eventName', 'eventType', 'sessionCredentialFromConsole', 'userIdentity.arn'],
    required: [],
  },
  Data: { trail: DATA, eventDataStore: DATA, required: ['resources.type'] },
  NetworkActivity: { trail: NETWORK_ACTIVITY, eventDataStore: NETWORK_ACTIVITY, required: ['eventSource'] },
  // opentrail extension (issue 6): trails may ask for PutAuditEvents events, which AWS keeps to event data stores.
  ActivityAuditLog: { trail: CATEGORY_ONLY, eventDataStore: CATEGORY_ONLY, required: [] },
  Insight: { trail: undefined, eventDataStore: CATEGORY_ONLY, required: [] },
  ConfigurationItem: { trail: undefined, eventDataStore: CATEGORY_ONLY, required: [] },
  Evidence: { trail: undefined, eventDataStore: CATEGORY_ONLY, required: [] },
};

export function categoriesFor(owner: SelectorOwner): string[] {
  return Object.keys(CATEGORY_RULES).filter((category) => CATEGORY_RULES[category]?.[owner] !== undefined);
}

export interface FieldRule {
  operators?: readonly Operator[];
  /** Every value must be one of these. */
  values?: readonly string[];
  /** Every value must match. */
  pattern?: RegExp;
  /** Every Equals and NotEquals value must match. */
  equalityPattern?: RegExp;
  exactlyOneValue?: boolean;
  /** Why the rule exists, for the error message. */
  hint: string;
}

const EQUALS_ONLY: readonly Operator[] = ['Equals'];

/** `AWS::Service::Type`, plus the published `AWS::QApps:QApp` spelling; new types appear all the time (spec §5.3). */
const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$|^AWS::QApps:QApp$/;

/** Checked before anything else: the category decides which other fields and rules apply. */
export const EVENT_CATEGORY_RULE: FieldRule = {
  operators: EQUALS_ONLY,
  exactlyOneValue: true,
  hint: 'it names the one category of the selector',
};

const COMMON_FIELD_RULES: Partial<Record<AdvancedField, FieldRule>> = {
  eventCategory: EVENT_CATEGORY_RULE,
  readOnly: { operators: EQUALS_ONLY, values: ['true', 'false'], hint: "its values are 'true' and 'false'" },
  'resources.type': {
    operators: EQUALS_ONLY,
    exactlyOneValue: true,
    pattern: RESOURCE_TYPE,
    hint: 'a selector names exactly one resource type, such as AWS::S3::Object',
  },
  'resources.ARN': {
    equalityPattern: /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/,
    hint: 'Equals and NotEquals compare complete ARNs; use StartsWith for a prefix such as arn:aws:s3:::bucket/',
  },
};

/** Trails drop management events only by these two sources, as basic selectors do (spec §5.2–5.3). */
const TRAIL_MANAGEMENT_EVENT_SOURCE: FieldRule = {
  operators: ['NotEquals'],
  values: EXCLUDABLE_MANAGEMENT_SOURCES,
  hint: `trails can only exclude ${EXCLUDABLE_MANAGEMENT_SOURCES.join(' or ')} from management events`,
};

export function fieldRule(field: AdvancedField, category: string, owner: SelectorOwner): FieldRule | undefined {
  if (field === 'eventSource' && category === 'Management' && owner === 'trail') return TRAIL_MANAGEMENT_EVENT_SOURCE;
  return COMMON_FIELD_RULES[field];
}
