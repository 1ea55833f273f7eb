// What a basic selector's DataResources.Values may say, per resource type (spec §5.2), and how each value matches a
// record's resource ARN. Validation and matching read the same table so that they cannot drift apart.

import type { BasicDataResourceType } from './event-selector.js';

interface ValueRule {
  /** The "every resource of this type" value, e.g. `arn:aws:s3`; it does not count against the 250 limit. */
  all: RegExp;
  /** A value naming some resources. */
  some: RegExp;
  /** S3 values are object-ARN prefixes; the other types name one resource, so `…:helloworld` ≠ `…:helloworld2`. */
  match: 'prefix' | 'exact';
}

const PARTITION = 'arn:[a-z-]+';

const VALUE_RULES: Readonly<Record<BasicDataResourceType, ValueRule>> = {
  // `arn:aws:s3:::` is what many templates write for "all buckets"; as an object-ARN prefix it means the same.
  'AWS::S3::Object': {
    all: new RegExp(`^${PARTITION}:s3(:::)?$`),
    // The slash after the bucket is required: without it `…:::logs` would also cover the bucket `logs-archive`.
    some: new RegExp(`^${PARTITION}:s3:::[^/]+/`),
    match: 'prefix',
  },
  'AWS::Lambda::Function': {
    all: new RegExp(`^${PARTITION}:lambda$`),
    some: new RegExp(`^${PARTITION}:lambda:[^:]+:[^:]+:function:[^:]+(:[^:]+)?$`),
    match: 'exact',
  },
  'AWS::DynamoDB::Table': {
    all: new RegExp(`^${PARTITION}:dynamodb$`),
    some: new RegExp(`^${PARTITION}:dynamodb:[^:]+:[^:]+:table/[^/]+$`),
    match: 'exact',
  },
};

export const isAllResourcesValue = (type: BasicDataResourceType, value: string): boolean =>
  VALUE_RULES[type].all.test(value);

export const isValidDataResourceValue = (type: BasicDataResourceType, value: string): boolean =>
  isAllResourcesValue(type, value) || VALUE_RULES[type].some.test(value);

/** A test of one resource ARN against all the values of one type. */
export function arnMatcher(type: BasicDataResourceType, values: readonly string[]): (arn: string) => boolean {
  const prefixes: string[] = [];
  const exact = new Set<string>();
  for (const value of values) {
    if (isAllResourcesValue(type, value)) prefixes.push(value.endsWith(':') ? value : `${value}:`);
    else if (VALUE_RULES[type].match === 'prefix') prefixes.push(value);
    else exact.add(value);
  }
  return (arn) => exact.has(arn) || prefixes.some((prefix) => arn.startsWith(prefix));
}
