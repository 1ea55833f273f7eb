import { describe, expect, it } from 'vitest';
import type { AdvancedEventSelector, AdvancedFieldSelector } from './advanced-event-selector.js';
import { validateAdvancedEventSelectors } from './validate-advanced-event-selectors.js';

const rejected = (fragment: string) =>
  expect.objectContaining({ code: 'InvalidEventSelectorsException', message: expect.stringContaining(fragment) });

const category = (value: string): AdvancedFieldSelector => ({ Field: 'eventCategory', Equals: [value] });
const s3Objects: AdvancedFieldSelector[] = [category('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object'] }];
const selector = (...FieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector => ({ FieldSelectors });
const data = (...more: AdvancedFieldSelector[]) => selector(...s3Objects, ...more);
const management = (...more: AdvancedFieldSelector[]) => selector(category('Management'), ...more);
const network = (...more: AdvancedFieldSelector[]) =>
  selector(category('NetworkActivity'), { Field: 'eventSource', Equals: ['kms.amazonaws.com'] }, ...more);
const text = (length: number) => 'x'.repeat(length);
const eventNames = (count: number) => Array.from({ length: count }, (_, i) => `Event${i}`);
const objectArns = (count: number) => Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket/${i}/`);

describe('validateAdvancedEventSelectors (spec §5.3, §4.13, §8)', () => {
  it('accepts the spec example and stores it without absent members', () => {
    const example: AdvancedEventSelector[] = [
      { Name: 'all-management', FieldSelectors: [category('Management')] },
      {
        Name: 's3-writes-two-prefixes',
        FieldSelectors: [
          ...s3Objects,
          { Field: 'eventName', Equals: ['PutObject', 'DeleteObject'], StartsWith: undefined },
          { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::reports-bucket/finance/', 'arn:aws:s3:::media-bucket/uploads/'] },
        ],
      },
    ];
    const stored = validateAdvancedEventSelectors(example);
    expect(stored[1]?.FieldSelectors[2]).toStrictEqual({ Field: 'eventName', Equals: ['PutObject', 'DeleteObject'] });
    expect(stored.map((s) => s.Name)).toEqual(['all-management', 's3-writes-two-prefixes']);
  });

  it.each<[string, AdvancedEventSelector]>([
    ['each operator on eventName', data(
      { Field: 'eventName', Equals: ['a'], StartsWith: ['b'], EndsWith: ['c'], NotEquals: ['d'], NotStartsWith: ['e'], NotEndsWith: ['f'] },
    )],
    ['every data field', data(
      { Field: 'resources.ARN', Equals: ['arn:aws:s3:::bucket/key'] }, { Field: 'eventName', Equals: ['GetObject'] },
      { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }, { Field: 'eventType', Equals: ['AwsApiCall'] },
      { Field: 'readOnly', Equals: ['true'] }, { Field: 'sessionCredentialFromConsole', Equals: ['true'] },
      { Field: 'userIdentity.arn', StartsWith: ['arn:aws:sts::'] },
    )],
    ['a resource type AWS has not published yet', selector(category('Data'), { Field: 'resources.type', Equals: ['AWS::NewService::Thing'] })],
    ['the published AWS::QApps:QApp spelling', selector(category('Data'), { Field: 'resources.type', Equals: ['AWS::QApps:QApp'] })],
    ['management events without KMS and RDS Data', management({ Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] })],
    ['write management events', management({ Field: 'readOnly', Equals: ['false'] })],
    ['every network activity field', network(
      { Field: 'eventName', Equals: ['Decrypt'] }, { Field: 'errorCode', Equals: ['VpceAccessDenied'] },
      { Field: 'vpcEndpointId', NotEquals: ['vpce-1'] }, { Field: 'userIdentity.arn', EndsWith: [':root'] },
    )],
    ['PutAuditEvents events (opentrail extension)', selector(category('ActivityAuditLog'))],
    ['a 1000-character name', { Name: text(1000), FieldSelectors: [category('Management')] }],
    ['an empty name', { Name: '', FieldSelectors: [category('Management')] }],
    ['a 2048-character value', data({ Field: 'eventName', Equals: [text(2048)] })],
  ])('accepts %s for a trail', (_, valid) => {
    expect(validateAdvancedEventSelectors([valid])).toHaveLength(1);
  });

  it.each<[string, AdvancedEventSelector[], string]>([
    ['no selector', [], 'at least one selector'],
    ['a 1001-character name', [{ Name: text(1001), FieldSelectors: [category('Management')] }], 'AdvancedEventSelectors[0].Name is longer than 1000'],
    ['no field selector', [selector()], 'FieldSelectors must contain at least one'],
    ['an empty Field', [management({ Field: '', Equals: ['x'] })], 'FieldSelectors[1].Field must be 1 to 1000'],
    ['a 1001-character Field', [management({ Field: text(1001), Equals: ['x'] })], 'must be 1 to 1000'],
    ['an unknown Field', [management({ Field: 'eventTime', Equals: ['x'] })], "Field 'eventTime' is not supported"],
    ['a field selector without an operator', [data({ Field: 'eventName' })], '(eventName) has no operator'],
    ['an empty operator list', [data({ Field: 'eventName', Equals: [] })], 'FieldSelectors[2].Equals must contain at least one value'],
    ['an empty value', [data({ Field: 'eventName', NotEquals: [''] })], 'NotEquals: each value must be 1 to 2048'],
    ['a 2049-character value', [data({ Field: 'eventName', StartsWith: [text(2049)] })], 'each value must be 1 to 2048'],
    ['a selector without eventCategory', [selector({ Field: 'eventName', Equals: ['GetObject'] })], 'must have an eventCategory field selector'],
    ['eventCategory with StartsWith', [selector({ Field: 'eventCategory', StartsWith: ['Man'] })], 'operator StartsWith is not allowed, only Equals'],
    ['eventCategory with two values', [selector({ Field: 'eventCategory', Equals: ['Management', 'Data'] })], 'exactly one value is required, got 2'],
    ['an unknown category', [selector(category('Everything'))], "eventCategory 'Everything' cannot be selected by trails"],
    ['Insights events through event selectors', [selector(category('Insight'))], "eventCategory 'Insight' cannot be selected by trails"],
    ['Config items on a trail', [selector(category('ConfigurationItem'))], "'ConfigurationItem' cannot be selected"],
    ['a data field in a management selector', [management({ Field: 'eventName', Equals: ['CreateTrail'] })], 'trail selectors for Management events cannot use eventName'],
    ['eventSource Equals for management events', [management({ Field: 'eventSource', Equals: ['iam.amazonaws.com'] })], 'operator Equals is not allowed, only NotEquals'],
    ['excluding another management source', [management({ Field: 'eventSource', NotEquals: ['s3.amazonaws.com'] })], "'s3.amazonaws.com' is not an accepted value"],
    ['readOnly with NotEquals', [management({ Field: 'readOnly', NotEquals: ['true'] })], 'operator NotEquals is not allowed'],
    ['readOnly as a word', [management({ Field: 'readOnly', Equals: ['yes'] })], "'yes' is not an accepted value; its values are 'true' and 'false'"],
    ['a data selector without resources.type', [selector(category('Data'), { Field: 'eventName', Equals: ['GetObject'] })], 'must have a field selector for resources.type'],
    ['resources.type with StartsWith', [selector(category('Data'), { Field: 'resources.type', StartsWith: ['AWS::S3'] })], 'operator StartsWith is not allowed'],
    ['two resource types in one selector', [selector(category('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object', 'AWS::SNS::Topic'] })], 'exactly one value is required, got 2'],
    ['a resource type not shaped AWS::X::Y', [selector(category('Data'), { Field: 'resources.type', Equals: ['S3Object'] })], "'S3Object' is not an accepted value"],
    ['resources.ARN Equals a bucket name', [data({ Field: 'resources.ARN', Equals: ['reports-bucket'] })], "'reports-bucket' is not a complete ARN"],
    ['resources.ARN NotEquals a partial ARN', [data({ Field: 'resources.ARN', NotEquals: ['arn:aws:s3'] })], 'is not a complete ARN'],
    ['a network field in a data selector', [data({ Field: 'vpcEndpointId', Equals: ['vpce-1'] })], 'for Data events cannot use vpcEndpointId'],
    ['network activity without eventSource', [selector(category('NetworkActivity'))], 'must have a field selector for eventSource'],
    ['readOnly on network activity', [network({ Field: 'readOnly', Equals: ['true'] })], 'NetworkActivity events cannot use readOnly'],
    ['filtering PutAuditEvents events', [selector(category('ActivityAuditLog'), { Field: 'eventSource', Equals: ['x'] })], 'ActivityAuditLog events cannot use eventSource'],
    ['one field in two field selectors', [data({ Field: 'eventName', Equals: ['a'] }, { Field: 'eventName', NotEquals: ['b'] })], 'eventName appears in more than one field selector'],
    ['501 values in total', [data({ Field: 'eventName', Equals: eventNames(250) }), data({ Field: 'eventName', Equals: eventNames(247) })], 'at most 500 values in total; got 501'],
    ['251 resources.ARN values', [data({ Field: 'resources.ARN', StartsWith: objectArns(200) }), data({ Field: 'resources.ARN', StartsWith: objectArns(51) })], 'at most 250 resources.ARN values; got 251'],
  ])('rejects %s', (_, selectors, fragment) => {
    expect(() => validateAdvancedEventSelectors(selectors)).toThrow(rejected(fragment));
  });

  it('counts every value of every condition towards 500, and allows exactly 500', () => {
    const full = [data({ Field: 'eventName', Equals: eventNames(250) }), data({ Field: 'eventName', Equals: eventNames(246) })];
    expect(validateAdvancedEventSelectors(full)).toHaveLength(2);
  });

  it('names the offending selector and field in the message', () => {
    const selectors = [management(), data({ Field: 'eventName', Equals: ['a'] }, { Field: 'readOnly', Equals: ['maybe'] })];
    expect(() => validateAdvancedEventSelectors(selectors)).toThrow(rejected('AdvancedEventSelectors[1].FieldSelectors[3] (readOnly)'));
  });

  describe('for event data stores', () => {
    const store = { owner: 'eventDataStore' as const };

    it.each<[string, AdvancedEventSelector]>([
      ['Insights events', selector(category('Insight'))],
      ['Config configuration items', selector(category('ConfigurationItem'))],
      ['Audit Manager evidence', selector(category('Evidence'))],
      ['management events by name, type, console session and caller', management(
        { Field: 'eventName', Equals: ['ConsoleLogin'] }, { Field: 'eventType', Equals: ['AwsConsoleSignIn'] },
        { Field: 'sessionCredentialFromConsole', Equals: ['true'] }, { Field: 'userIdentity.arn', StartsWith: ['arn:aws:iam::'] },
      )],
      ['management events from any source', management({ Field: 'eventSource', Equals: ['iam.amazonaws.com'] })],
    ])('accepts %s', (_, valid) => {
      expect(validateAdvancedEventSelectors([valid], store)).toHaveLength(1);
      expect(() => validateAdvancedEventSelectors([valid])).toThrow(rejected('trail'));
    });

    it('still picks Lake-only categories whole', () => {
      expect(() => validateAdvancedEventSelectors([selector(category('Insight'), { Field: 'eventName', Equals: ['x'] })], store))
        .toThrow(rejected('event data store selectors for Insight events cannot use eventName'));
    });
  });
});
