// A trail's `KmsKeyId` (spec §4.3): a key id, key ARN, alias name or alias ARN, shown in responses as a full ARN.
// opentrail has no KMS, so only the form is checked; the key's existence and policy cannot be.
import { ServiceError } from '../../errors/service-error.js';
import type { AccountRegion } from './account-region.js';

const KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
const BARE_KEY_ID = new RegExp(`^${KEY_ID}$`);
const ALIAS_NAME = new RegExp(`^${ALIAS}$`);
const KMS_ARN = new RegExp(`^arn:aws[a-z-]*:kms:[a-z]{2}(?:-[a-z]+)+-\\d+:\\d{12}:(?:key/${KEY_ID}|${ALIAS})$`);
// CloudTrail cannot encrypt with AWS managed keys, whose aliases all start with alias/aws/.
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

export function kmsKeyArn(keyId: string, where: AccountRegion): string {
  if (AWS_MANAGED_ALIAS.test(keyId)) throw invalidKmsKeyId(keyId, 'AWS managed keys cannot encrypt trail log files');
  if (KMS_ARN.test(keyId)) return keyId;
  const prefix = `arn:aws:kms:${where.region}:${where.accountId}:`;
  if (BARE_KEY_ID.test(keyId)) return `${prefix}key/${keyId}`;
  if (ALIAS_NAME.test(keyId)) return `${prefix}${keyId}`;
  throw invalidKmsKeyId(keyId, 'give a key id, a key ARN, an alias name (alias/...) or an alias ARN');
}

function invalidKmsKeyId(keyId: string, why: string): ServiceError {
  return new ServiceError('InvalidKmsKeyIdException', `KMS key id is not valid: ${keyId}; ${why}.`);
}
