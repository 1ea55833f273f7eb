// Customer managed policies: up to 5 versions, one of them the default (the one that applies), 6144 characters
// each; attached to at most 10 policies per user, group or role.
import type { PolicyTexts } from '../access/policy-texts.js';
import type { ManagedPolicy, PolicyVersion } from '../../store/identity-store.js';
import { ServiceError } from '../../errors/service-error.js';
import { checkPolicyDocument } from './iam-policy-documents.js';
import type { IamAccount } from './iam-account.js';

export const MANAGED_POLICY_MAX = 6144;
export const VERSIONS_PER_POLICY = 5;

export function checkManagedDocument(texts: PolicyTexts, text: string): string {
  return checkPolicyDocument(texts, text, 'identity', MANAGED_POLICY_MAX);
}

export function findVersion(policy: ManagedPolicy, versionId: string): PolicyVersion {
  const version = policy.versions.find((v) => v.versionId === versionId);
  if (!version) {
    throw new ServiceError('NoSuchEntity', `Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  }
  return version;
}

export function checkVersionId(versionId: string): string {
  if (!/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/.test(versionId)) {
    throw new ServiceError('ValidationError', `1 validation error detected: Value '${versionId}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`);
  }
  return versionId;
}

export async function attachmentCount(account: IamAccount, policy: ManagedPolicy): Promise<number> {
  return (await account.attachmentsOf(policy.arn)).length;
}
