import { describe, expect, it } from 'vitest';
import { HIDDEN, lowerCamel, toRequestParameters, scrubSecrets } from './request-parameters.js';

describe('requestParameters', () => {
  it('names members in lower camel case as CloudTrail does', () => {
    expect(['Name', 'S3BucketName', 'SnsTopicName', 'SNSTopicName', 'TrailARN', 'ARN', 'KmsKeyId', 'lookupAttributes'].map(lowerCamel))
      .toEqual(['name', 's3BucketName', 'snsTopicName', 'snsTopicName', 'trailARN', 'arn', 'kmsKeyId', 'lookupAttributes']);
  });

  it('converts nested members, keeps values, and drops undefined', () => {
    expect(toRequestParameters({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'X' }], MaxResults: 5, NextToken: undefined }))
      .toEqual({ lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'X' }], maxResults: 5 });
  });

  it('is null for an empty input', () => {
    expect(toRequestParameters({})).toBeNull();
    expect(toRequestParameters(undefined)).toBeNull();
  });

  it('hides secrets wherever they are', () => {
    const scrubbed = scrubSecrets({ AccessKey: { AccessKeyId: 'AKIA1', SecretAccessKey: 's3cr3t' }, Password: 'p', list: [{ sessionToken: 't' }] });
    expect(scrubbed).toEqual({ AccessKey: { AccessKeyId: 'AKIA1', SecretAccessKey: HIDDEN }, Password: HIDDEN, list: [{ sessionToken: HIDDEN }] });
    expect(JSON.stringify(scrubbed)).not.toMatch(/s3cr3t|"p"|"t"/);
  });
});
