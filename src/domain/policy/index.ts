// TEMPORARY shim of the `policy` branch's interface (contract-policy.md), removed when that branch is merged.
export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources: readonly string[];
  readonly principals?: readonly string[];
}
export interface PolicyDocument { readonly version: string; readonly statements: readonly PolicyStatement[] }
export type PolicyKind = 'identity' | 'resource' | 'trust';
export class PolicyDocumentError extends Error {}

export interface RequestPrincipal {
  readonly arn: string;
  readonly accountId: string;
  readonly isRoot: boolean;
  readonly service?: string;
  readonly roleArn?: string;
}
export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccountId?: string;
  readonly context: ReadonlyMap<string, string | readonly string[]>;
}
export interface PolicySet {
  readonly identity: readonly PolicyDocument[];
  readonly sessionPolicies?: readonly PolicyDocument[];
  readonly resource?: readonly PolicyDocument[];
}
export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'explicit-deny' | 'implicit-deny'; readonly via?: 'identity' | 'resource' | 'session' };
export type CompiledPolicySet = PolicySet;

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function parsePolicyDocument(text: string, kind: PolicyKind): PolicyDocument {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new PolicyDocumentError('Syntax errors in policy.');
  }
  if (!raw || typeof raw !== 'object') throw new PolicyDocumentError('Syntax errors in policy.');
  const statements = (Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement]) as Record<string, unknown>[];
  if (!raw.Statement) throw new PolicyDocumentError('Missing required field Statement');
  return {
    version: String(raw.Version ?? '2008-10-17'),
    statements: statements.map((s) => {
      if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new PolicyDocumentError('Invalid effect');
      if (kind === 'identity' && s.Principal) throw new PolicyDocumentError('Policy document should not specify a principal.');
      if (kind !== 'identity' && !s.Principal) throw new PolicyDocumentError('Missing required field Principal');
      const p = s.Principal as Record<string, unknown> | string | undefined;
      return {
        effect: s.Effect,
        actions: list(s.Action),
        resources: s.Resource === undefined ? ['*'] : list(s.Resource),
        ...(p ? { principals: p === '*' ? ['*'] : Object.values(p).flatMap(list) } : {}),
      };
    }),
  };
}

const glob = (pattern: string, value: string, ci: boolean) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ci ? 'i' : '').test(value);

function effects(docs: readonly PolicyDocument[] | undefined, r: AuthorizationRequest, resource: boolean): Set<string> {
  const out = new Set<string>();
  for (const d of docs ?? []) for (const s of d.statements) {
    if (!s.actions.some((a) => glob(a, r.action, true))) continue;
    if (!s.resources.some((x) => glob(x, r.resource, false))) continue;
    if (resource && !(s.principals ?? []).some((p) => p === '*' || p === r.principal.arn || p === r.principal.roleArn
      || p === r.principal.accountId || p === `arn:aws:iam::${r.principal.accountId}:root` || p === r.principal.service)) continue;
    out.add(s.effect);
  }
  return out;
}

export function evaluate(r: AuthorizationRequest, p: PolicySet): Decision {
  const id = effects(p.identity, r, false);
  const res = effects(p.resource, r, true);
  const ses = p.sessionPolicies ? effects(p.sessionPolicies, r, false) : undefined;
  if (id.has('Deny')) return { allowed: false, reason: 'explicit-deny', via: 'identity' };
  if (res.has('Deny')) return { allowed: false, reason: 'explicit-deny', via: 'resource' };
  if (ses?.has('Deny')) return { allowed: false, reason: 'explicit-deny', via: 'session' };
  const sameAccount = (r.resourceAccountId ?? r.principal.accountId) === r.principal.accountId;
  if (r.principal.isRoot && sameAccount) return { allowed: true };
  if (ses && !ses.has('Allow') && !res.has('Allow')) return { allowed: false, reason: 'implicit-deny', via: 'session' };
  if ((id.has('Allow') && sameAccount) || res.has('Allow')) return { allowed: true };
  return { allowed: false, reason: 'implicit-deny' };
}
export const compilePolicySet = (p: PolicySet): CompiledPolicySet => p;
export const evaluateCompiled = evaluate;
