// Who made a call, as SigV4 authentication established it, and how CloudTrail writes that in `userIdentity`.
import type { UserIdentity } from './record.js';

export interface Caller {
  accountId: string;
  type: 'Root' | 'IAMUser' | 'AssumedRole';
  principalId: string;
  arn: string;
  userName?: string;
  accessKeyId: string;
  /** Set for temporary credentials (STS): how they were obtained. */
  session?: CallerSession;
}

export interface CallerSession {
  /** The role assumed, or the user (or root) that called GetSessionToken. */
  issuer: { type: 'Role' | 'IAMUser' | 'Root'; name: string; id: string; arn: string };
  issuedMs: number;
  /** AssumeRole's session policies: the session may do only what these also allow. */
  sessionPolicies?: readonly string[];
  sessionPolicyArns?: readonly string[];
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
  if (caller.session) identity.sessionContext = sessionContextOf(caller.accountId, caller.session);
  return identity;
}

/** spec §1.3: the issuer as a principal of its own, and when the credentials were issued. */
function sessionContextOf(accountId: string, session: CallerSession): NonNullable<UserIdentity['sessionContext']> {
  const { issuer } = session;
  return {
    sessionIssuer: {
      type: issuer.type,
      principalId: issuer.id,
      arn: issuer.arn,
      accountId,
      ...(issuer.type === 'Root' ? {} : { userName: issuer.name }),
    },
    webIdFederationData: {},
    attributes: { creationDate: new Date(session.issuedMs).toISOString().slice(0, 19) + 'Z', mfaAuthenticated: 'false' },
  };
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}
