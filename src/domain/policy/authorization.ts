// What the evaluator is asked and what it answers: the shared interface with the IAM/STS layer that authorizes
// every request (see the contract in the iam branch's docs).
import type { PolicyDocument } from './policy-document.js';

export interface RequestPrincipal {
  /** User arn, assumed-role session arn, or arn:aws:iam::<acct>:root. */
  readonly arn: string;
  readonly accountId: string;
  readonly isRoot: boolean;
  /** For AWSService principals, e.g. 'cloudtrail.amazonaws.com'. */
  readonly service?: string;
  /** For assumed-role sessions: the role's arn (matches Principal {"AWS": roleArn}). */
  readonly roleArn?: string;
}

export type ContextValue = string | readonly string[];

export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  /** 'cloudtrail:LookupEvents'; matched case-insensitively. */
  readonly action: string;
  /** An ARN, or '*' for actions without resources. */
  readonly resource: string;
  /** Owner of the resource (bucket owner, role owner); default: the principal's account. */
  readonly resourceAccountId?: string;
  /** Condition keys → values; key names are case-insensitive. */
  readonly context: ReadonlyMap<string, ContextValue>;
}

export interface PolicySet {
  /** The user's inline and managed policies and its groups'; or the role's policies. */
  readonly identity: readonly PolicyDocument[];
  /**
   * AssumeRole session policies: the effective identity permissions are identity ∩ session. Absent: no limit. Empty
   * (the session named policies that no longer exist, or never did): nothing is allowed, as a session policy can
   * only narrow what the role allows, never widen it.
   */
  readonly sessionPolicies?: readonly PolicyDocument[];
  /** Bucket policy, or the role's trust policy. */
  readonly resource?: readonly PolicyDocument[];
}

export type DenyScope = 'identity' | 'resource' | 'session';

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'explicit-deny' | 'implicit-deny'; readonly via?: DenyScope };
