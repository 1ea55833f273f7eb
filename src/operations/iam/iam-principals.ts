// Users, groups and roles side by side, for the operations IAM repeats for each (inline and attached policies).
import type { PrincipalKind } from '../../services/iam/iam-account.js';

export interface PrincipalFacts {
  kind: PrincipalKind;
  /** As in operation names: PutUserPolicy, AttachGroupPolicy… */
  Kind: 'User' | 'Group' | 'Role';
  /** The input member naming the entity. */
  param: 'UserName' | 'GroupName' | 'RoleName';
  /** IAM's quota on the total size of an entity's inline policies. */
  inlineQuota: number;
}

export const PRINCIPALS: Record<PrincipalKind, PrincipalFacts> = {
  user: { kind: 'user', Kind: 'User', param: 'UserName', inlineQuota: 2048 },
  group: { kind: 'group', Kind: 'Group', param: 'GroupName', inlineQuota: 5120 },
  role: { kind: 'role', Kind: 'Role', param: 'RoleName', inlineQuota: 10240 },
};
