// The policy language's parsed form: what parsePolicyDocument hands back once IAM's grammar has been checked. Values
// keep the caller's spelling (IAM echoes documents back as written); matching is compiled from them separately.

/** Principal required for resource and trust policies, forbidden for identity policies. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

export type Effect = 'Allow' | 'Deny';

/** A Principal or NotPrincipal element. `"*"` is kept apart from `{"AWS": "*"}` only for echoing; both match anyone. */
export interface PrincipalSpec {
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

/** One `"Operator": {"key": values}` pair of a Condition block, e.g. ForAnyValue:StringLikeIfExists. */
export interface ConditionClause {
  readonly operator: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  /** The operator without set qualifier and IfExists, as AWS names it: 'StringLike', 'Null', … */
  readonly base: string;
  readonly ifExists: boolean;
  readonly key: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: Effect;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly conditions: readonly ConditionClause[];
}

/** A parsed, validated policy document. */
export interface PolicyDocument {
  readonly version: string;
  readonly statements: readonly PolicyStatement[];
  /** What the document was parsed as; trust policies are required to allow (an identity allow never suffices). */
  readonly kind?: PolicyKind;
}

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

/** Policy variables (`${aws:username}`) are only substituted in documents of the 2012-10-17 language. */
export const supportsVariables = (document: PolicyDocument): boolean => document.version === '2012-10-17';
