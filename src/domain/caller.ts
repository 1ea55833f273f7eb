// Who made a call, as SigV4 authentication established it, and how CloudTrail writes that in `userIdentity`.
import type { UserIdentity } from './record.js';

export interface Caller {
  accountId: string;
  type: 'Root' | 'IAMUser';
  principalId: string;
  arn: string;
  userName?: string;
  accessKeyId: string;
}

export function userIdentityOf(caller: Caller): UserIdentity {
  const identity: UserIdentity = {
    type: caller.type,
    principalId: caller.principalId,
    arn: caller.arn,
    accountId: caller.accountId,
    accessKeyId: caller.accessKeyId,
  };
  if (caller.type === 'IAMUser' && caller.userName) identity.userName = caller.userName;
  return identity;
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}
