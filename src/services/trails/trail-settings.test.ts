import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../../errors/service-error.js';
import { applySettings, newTrailSettings, type TrailSettingsMembers } from './trail-settings.js';

const WHERE = { accountId: '123456789012', region: 'eu-west-1' };
const apply = (members: TrailSettingsMembers, current = newTrailSettings('bucket-1')) => applySettings(current, members, WHERE);

function codeOf(members: TrailSettingsMembers, current = newTrailSettings('bucket-1')): string | undefined {
  try {
    apply(members, current);
    return undefined;
  } catch (err) {
    return (err as ServiceError).code;
  }
}

describe('trail settings', () => {
  it('defaults as CreateTrail does', () => {
    expect(apply({})).toEqual({
      s3BucketName: 'bucket-1', includeGlobalServiceEvents: true, isMultiRegionTrail: false,
      isOrganizationTrail: false, logFileValidationEnabled: false,
    });
  });

  it('turns a topic name into the topic ARN of the account and region, and keeps an ARN', () => {
    expect(apply({ SnsTopicName: 'alerts' })).toMatchObject({
      snsTopicName: 'alerts', snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
    });
    expect(apply({ SnsTopicName: 'arn:aws:sns:us-east-1:210987654321:other' })).toMatchObject({
      snsTopicName: 'other', snsTopicArn: 'arn:aws:sns:us-east-1:210987654321:other',
    });
  });

  it.each([
    ['1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['alias/trail-key', 'arn:aws:kms:eu-west-1:123456789012:alias/trail-key'],
    ['arn:aws:kms:us-east-2:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab', 'arn:aws:kms:us-east-2:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['arn:aws:kms:us-east-2:123456789012:alias/x', 'arn:aws:kms:us-east-2:123456789012:alias/x'],
  ])('shows the KMS key %s as %s', (keyId, arn) => {
    expect(apply({ KmsKeyId: keyId }).kmsKeyId).toBe(arn);
  });

  it('clears optional members sent as empty strings, and leaves members not sent', () => {
    const configured = apply({
      S3KeyPrefix: 'p', SnsTopicName: 't', KmsKeyId: 'alias/k', EnableLogFileValidation: true,
      CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*',
      CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/ct-logs',
    });
    const cleared = apply({ S3KeyPrefix: '', SnsTopicName: '', KmsKeyId: '', CloudWatchLogsLogGroupArn: '', CloudWatchLogsRoleArn: '' }, configured);
    expect(cleared).toEqual({ ...newTrailSettings('bucket-1'), logFileValidationEnabled: true });
  });

  it.each<[string, TrailSettingsMembers, string]>([
    ['a bad bucket name', { S3BucketName: 'Bad_Bucket' }, 'InvalidS3BucketNameException'],
    ['an empty bucket name', { S3BucketName: '' }, 'InvalidS3BucketNameException'],
    ['a prefix of 201 characters', { S3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
    ['a bad topic name', { SnsTopicName: 'no spaces' }, 'InvalidSnsTopicNameException'],
    ['a topic name of 257 characters', { SnsTopicName: 't'.repeat(257) }, 'InvalidSnsTopicNameException'],
    ['a bad KMS key id', { KmsKeyId: 'not-a-key' }, 'InvalidKmsKeyIdException'],
    ['an AWS managed key', { KmsKeyId: 'alias/aws/s3' }, 'InvalidKmsKeyIdException'],
    ['a bad log group ARN', { CloudWatchLogsLogGroupArn: 'log-group', CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/r' }, 'InvalidCloudWatchLogsLogGroupArnException'],
    ['a bad role ARN', { CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:g:*', CloudWatchLogsRoleArn: 'role/r' }, 'InvalidCloudWatchLogsRoleArnException'],
    ['a log group without a role', { CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:g:*' }, 'InvalidCloudWatchLogsRoleArnException'],
    ['a role without a log group', { CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/r' }, 'InvalidCloudWatchLogsLogGroupArnException'],
    ['a multi-region trail without global service events', { IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false }, 'InvalidParameterCombinationException'],
    ['an organization trail', { IsOrganizationTrail: true }, 'OrganizationsNotInUseException'],
  ])('refuses %s', (_what, members, code) => {
    expect(codeOf(members)).toBe(code);
  });

  it('judges the combination on the resulting settings', () => {
    const multi = apply({ IsMultiRegionTrail: true });
    expect(codeOf({ IncludeGlobalServiceEvents: false }, multi)).toBe('InvalidParameterCombinationException');
    expect(apply({ IsMultiRegionTrail: false, IncludeGlobalServiceEvents: false }, multi)).toMatchObject({
      isMultiRegionTrail: false, includeGlobalServiceEvents: false,
    });
  });
});
