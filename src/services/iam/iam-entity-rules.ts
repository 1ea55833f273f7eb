// The rules IAM applies to every principal: unique names per account, quotas per account, and nothing deleted while
// it still holds what IAM wants removed first (DeleteConflict, with IAM's messages).
import { ServiceError } from '../../errors/service-error.js';
import type { Tag } from '../../store/identity-store.js';
import type { IamAccount, PrincipalKind } from './iam-account.js';
import { alreadyExists, quotaExceeded, validationError } from './iam-errors.js';
import type { EntityLabel } from './iam-errors.js';

const ACCOUNT_QUOTAS: Record<PrincipalKind | 'policy', [string, number]> = {
  user: ['UsersPerAccount', 5000],
  group: ['GroupsPerAccount', 300],
  role: ['RolesPerAccount', 1000],
  policy: ['CustomerManagedPoliciesPerAccount', 1500],
};

export const ATTACHED_POLICIES_PER_PRINCIPAL = 10;

/** Refuses a name already taken (in any case) and a full account. */
export async function checkNewEntity(account: IamAccount, kind: PrincipalKind | 'policy', name: string): Promise<void> {
  if (await account.find(kind, name)) {
    if (kind === 'policy') throw new ServiceError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`);
    throw alreadyExists(kind as EntityLabel, name);
  }
  const [quota, limit] = ACCOUNT_QUOTAS[kind];
  if ((await account.list(kind)).length >= limit) throw quotaExceeded(quota, limit);
}

export function checkTags(tags: Tag[] | undefined): Tag[] {
  const list = tags ?? [];
  if (list.length > 50) throw validationError('tags', `${list.length} tags`, 'Member must have length less than or equal to 50');
  for (const tag of list) {
    if (tag.Key.length < 1 || tag.Key.length > 128) throw validationError('tags.member.key', tag.Key, 'Member must have length less than or equal to 128');
    if (tag.Value.length > 256) throw validationError('tags.member.value', tag.Value, 'Member must have length less than or equal to 256');
  }
  return list;
}

export function deleteConflict(what: string): ServiceError {
  return new ServiceError('DeleteConflict', `Cannot delete entity, must ${what} first.`);
}

/** What must go before a principal can: inline policies, then attached ones. */
export function checkNoPolicies(entity: { inlinePolicies: Record<string, string>; attachedPolicies: string[] }): void {
  if (Object.keys(entity.inlinePolicies).length > 0) throw deleteConflict('delete policies');
  if (entity.attachedPolicies.length > 0) throw deleteConflict('detach all policies');
}
