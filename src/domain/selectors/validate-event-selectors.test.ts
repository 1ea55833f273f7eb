import { describe, expect, it } from 'vitest';
import type { EventSelector } from './event-selector.js';
import { validateEventSelectors } from './validate-event-selectors.js';

const rejected = (fragment: string) =>
  expect.objectContaining({ code: 'InvalidEventSelectorsException', message: expect.stringContaining(fragment) });

const s3 = (...Values: string[]): EventSelector => ({ DataResources: [{ Type: 'AWS::S3::Object', Values }] });
const buckets = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${from + i}/`);

describe('validateEventSelectors (spec §5.2)', () => {
  it('fills in every member a selector leaves out, with the documented defaults', () => {
    expect(validateEventSelectors([{}])).toEqual([
      { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ]);
  });

  it('keeps what the caller said and drops repeated excluded sources', () => {
    const [stored] = validateEventSelectors([{
      ReadWriteType: 'WriteOnly',
      IncludeManagementEvents: false,
      DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }],
      ExcludeManagementEventSources: ['kms.amazonaws.com', 'kms.amazonaws.com', 'rdsdata.amazonaws.com'],
    }]);
    expect(stored).toEqual({
      ReadWriteType: 'WriteOnly',
      IncludeManagementEvents: false,
      DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }],
      ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
    });
  });

  it.each([
    ['S3, all buckets', 'AWS::S3::Object', 'arn:aws:s3'],
    ['S3, all buckets with the colons', 'AWS::S3::Object', 'arn:aws:s3:::'],
    ['S3, one bucket', 'AWS::S3::Object', 'arn:aws:s3:::reports/'],
    ['S3, a key prefix', 'AWS::S3::Object', 'arn:aws:s3:::reports/2025/q1'],
    ['S3, another partition', 'AWS::S3::Object', 'arn:aws-cn:s3:::reports/'],
    ['Lambda, all functions', 'AWS::Lambda::Function', 'arn:aws:lambda'],
    ['Lambda, one function', 'AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:function:helloworld'],
    ['Lambda, a qualified function', 'AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:123456789012:function:hello:prod'],
    ['DynamoDB, all tables', 'AWS::DynamoDB::Table', 'arn:aws:dynamodb'],
    ['DynamoDB, one table', 'AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
  ])('accepts the data resource value for %s', (_, Type, value) => {
    expect(validateEventSelectors([{ DataResources: [{ Type, Values: [value] }] }])[0]?.DataResources)
      .toEqual([{ Type, Values: [value] }]);
  });

  it.each<[string, EventSelector[], string]>([
    ['no selector', [], '1 to 5 event selectors; got 0'],
    ['six selectors', Array.from({ length: 6 }, () => ({})), '1 to 5 event selectors; got 6'],
    ['an unknown ReadWriteType', [{ ReadWriteType: 'Everything' }], "ReadWriteType must be one of ReadOnly, WriteOnly, All; got 'Everything'"],
    ['ReadWriteType in the wrong case', [{ ReadWriteType: 'readonly' }], "got 'readonly'"],
    ['excluding a source other than KMS and RDS Data', [{ ExcludeManagementEventSources: ['s3.amazonaws.com'] }], "got 's3.amazonaws.com'"],
    ['a data type only advanced selectors know', [{ DataResources: [{ Type: 'AWS::SNS::Topic', Values: ['arn:aws:sns'] }] }], "advanced event selectors); got 'AWS::SNS::Topic'"],
    ['a data resource without a type', [{ DataResources: [{ Values: ['arn:aws:s3'] }] }], 'got nothing'],
    ['a data resource without values', [{ DataResources: [{ Type: 'AWS::S3::Object', Values: [] }] }], 'at least one value'],
    ['a data resource with no Values member', [{ DataResources: [{ Type: 'AWS::S3::Object' }] }], 'at least one value'],
    ['a bucket without the trailing slash', [s3('arn:aws:s3:::reports')], 'Value arn:aws:s3:::reports for DataResources.Values is invalid.'],
    ['an S3 value that is not an ARN', [s3('reports/')], 'Value reports/ for DataResources.Values is invalid.'],
    ['a Lambda ARN under the S3 type', [s3('arn:aws:lambda')], 'Value arn:aws:lambda for'],
    ['a Lambda function ARN without a name', [{ DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:us-east-1:123456789012:function:'] }] }], 'is invalid'],
    ['a DynamoDB ARN that is not a table', [{ DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb:us-east-1:123456789012:stream/x'] }] }], 'is invalid'],
    ['251 values in one selector', [s3(...buckets(251))], 'at most 250 data resource values across all its event selectors; got 251'],
    ['251 values over five selectors', [s3(...buckets(51)), s3(...buckets(50, 51)), s3(...buckets(50, 101)), s3(...buckets(50, 151)), s3(...buckets(50, 201))], 'got 251'],
  ])('rejects %s', (_, selectors, fragment) => {
    expect(() => validateEventSelectors(selectors)).toThrow(rejected(fragment));
  });

  it('accepts exactly 5 selectors and exactly 250 values', () => {
    const selectors = [s3(...buckets(50)), s3(...buckets(50, 50)), s3(...buckets(50, 100)), s3(...buckets(50, 150)), s3(...buckets(50, 200))];
    expect(validateEventSelectors(selectors)).toHaveLength(5);
  });

  it('does not count "all resources" values against the 250 limit', () => {
    const selectors = [
      s3(...buckets(250), 'arn:aws:s3', 'arn:aws:s3:::'),
      { DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }, { Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] },
    ];
    expect(() => validateEventSelectors(selectors)).not.toThrow();
    expect(() => validateEventSelectors([...selectors, s3('arn:aws:s3:::one-more/')])).toThrow(rejected('got 251'));
  });
});
