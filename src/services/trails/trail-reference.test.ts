import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../../errors/service-error.js';
import { parseTrailReference } from './trail-reference.js';
import { parseCloudTrailArn, trailArn } from './trail-arn.js';

function codeOf(text: string): string | undefined {
  try {
    parseTrailReference(text);
    return undefined;
  } catch (err) {
    return (err as ServiceError).code;
  }
}

describe('trail names and ARNs as arguments', () => {
  it('reads a name as a name', () => {
    expect(parseTrailReference('my-trail')).toEqual({ kind: 'name', name: 'my-trail' });
  });

  it('reads a trail ARN into its parts', () => {
    const arn = 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/my-trail';
    expect(parseTrailReference(arn)).toEqual({
      kind: 'arn', arn, region: 'eu-west-1', accountId: '123456789012', name: 'my-trail',
    });
  });

  it('builds the ARN of a name in a region', () => {
    expect(trailArn('us-east-2', '123456789012', 'x1y')).toBe('arn:aws:cloudtrail:us-east-2:123456789012:trail/x1y');
  });

  it.each([
    'arn:aws:cloudtrail:us-east-1:123456789012:trail/',
    'arn:aws:cloudtrail:us-east-1:12345:trail/my-trail',
    'arn:aws:cloudtrail:Not_A_Region:123456789012:trail/my-trail',
    'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/abc',
    'arn:aws:s3:::my-bucket',
    'arn:aws:cloudtrail:us-east-1:123456789012:trail/-bad',
    'arn:aws:cloudtrail:us-east-1:123456789012:trail/a--b',
    'arn:',
  ])('answers CloudTrailARNInvalidException for the malformed ARN %s', (text) => {
    expect(codeOf(text)).toBe('CloudTrailARNInvalidException');
  });

  it.each(['ab', 'bad name', '-x-', 'trail:x'])('answers InvalidTrailNameException for the bad name %s', (text) => {
    expect(codeOf(text)).toBe('InvalidTrailNameException');
  });

  it('parses the other CloudTrail resource ARNs by type', () => {
    expect(parseCloudTrailArn('arn:aws:cloudtrail:us-east-1:123456789012:channel/abc-1')).toEqual({
      region: 'us-east-1', accountId: '123456789012', resourceType: 'channel', resourceId: 'abc-1',
    });
  });
});
