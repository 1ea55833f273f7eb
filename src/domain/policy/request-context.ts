// The global condition keys AWS puts in every request's context, built from what the edge knows about a call, so
// that every surface states them the same way. Keys are spelled as AWS documents them.
import type { ContextValue, RequestPrincipal } from './authorization.js';

export type PrincipalType = 'Account' | 'User' | 'AssumedRole' | 'FederatedUser' | 'AWSService';

export interface RequestContextInput {
  readonly principal: RequestPrincipal;
  /** aws:userid: a user's unique id (AIDA…), a session's `AROA…:session-name`, or the account id for root. */
  readonly userId: string;
  readonly sourceIp: string;
  readonly now: Date;
  readonly region: string;
  readonly secureTransport: boolean;
  readonly userAgent?: string;
  /** Derived from the principal's arn when not given. */
  readonly principalType?: PrincipalType;
  /** When temporary credentials were issued (aws:TokenIssueTime). */
  readonly tokenIssueTime?: Date;
  readonly multiFactorAuthPresent?: boolean;
  /** Resource tags (aws:ResourceTag/<key>) and service keys (s3:prefix, …) the operation adds. */
  readonly extra?: Readonly<Record<string, ContextValue>>;
}

export function buildRequestContext(input: RequestContextInput): Map<string, ContextValue> {
  const context = new Map<string, ContextValue>([
    ['aws:SourceIp', input.sourceIp],
    ['aws:CurrentTime', isoSeconds(input.now)],
    ['aws:EpochTime', String(Math.floor(input.now.getTime() / 1000))],
    ['aws:RequestedRegion', input.region],
    ['aws:SecureTransport', String(input.secureTransport)],
    ['aws:userid', input.userId],
    ...principalContext(input.principal, input.principalType),
  ]);
  if (input.userAgent !== undefined) context.set('aws:UserAgent', input.userAgent);
  if (input.tokenIssueTime) context.set('aws:TokenIssueTime', isoSeconds(input.tokenIssueTime));
  if (input.multiFactorAuthPresent !== undefined) context.set('aws:MultiFactorAuthPresent', String(input.multiFactorAuthPresent));
  for (const [key, value] of Object.entries(input.extra ?? {})) context.set(key, value);
  return context;
}

/** The keys that follow from the principal alone; the evaluator supplies them when a request's context lacks them. */
export function principalContext(principal: RequestPrincipal, given?: PrincipalType): [string, string][] {
  const type = given ?? principalTypeOf(principal);
  const keys: [string, string][] = [['aws:PrincipalType', type], ['aws:PrincipalIsAWSService', String(type === 'AWSService')]];
  if (type === 'AWSService') {
    if (principal.service !== undefined) keys.push(['aws:PrincipalServiceName', principal.service]);
    return keys;
  }
  // A session's aws:PrincipalArn is its role's arn, not the session's.
  keys.push(['aws:PrincipalArn', principal.roleArn ?? principal.arn], ['aws:PrincipalAccount', principal.accountId]);
  const userName = type === 'User' ? userNameOf(principal.arn) : undefined;
  if (userName !== undefined) keys.push(['aws:username', userName]);
  return keys;
}

export function principalTypeOf(principal: RequestPrincipal): PrincipalType {
  if (principal.service !== undefined) return 'AWSService';
  if (principal.isRoot) return 'Account';
  if (principal.roleArn !== undefined || /:assumed-role\//.test(principal.arn)) return 'AssumedRole';
  if (/:federated-user\//.test(principal.arn)) return 'FederatedUser';
  return 'User';
}

/** A user's name is the last part of its arn (user/path/name). */
function userNameOf(arn: string): string | undefined {
  return arn.includes(':user/') ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}

const isoSeconds = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
