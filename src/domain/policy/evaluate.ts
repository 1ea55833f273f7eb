// AWS's policy evaluation logic for one request:
// 1. an explicit Deny in any applicable policy (identity, session, resource) wins;
// 2. the root user of the resource's account may do anything there (but no one, root included, assumes a role
//    as root: AWS refuses it);
// 3. in the caller's own account, an Allow from its identity policies (narrowed by session policies) or a
//    resource policy Allow naming the caller itself suffices; a resource policy naming only the account defers
//    to the identity policies;
// 4. across accounts, and for role trust policies always, the resource policy must allow the caller and, unless
//    it named the caller directly in the role's own account, so must the identity policies;
// 5. otherwise the implicit deny. AWS service principals are judged by resource policies alone.
import type { AuthorizationRequest, Decision, DenyScope, PolicySet } from './authorization.js';
import { compileDocument, namesCaller, type CompiledStatement } from './compile-statement.js';
import type { PrincipalMatch } from './principal-match.js';
import { RequestView } from './request-view.js';

interface CompiledScope {
  readonly deny: readonly CompiledStatement[];
  readonly allow: readonly CompiledStatement[];
}

export interface CompiledPolicySet {
  readonly identity: CompiledScope;
  /** Absent when the session has no session policies (then nothing narrows the identity policies); empty allows nothing. */
  readonly session?: CompiledScope;
  readonly resource: CompiledScope;
  /** A trust policy is among the resource policies: it must allow, identity policies alone never do. */
  readonly trust: boolean;
}

export function compilePolicySet(policies: PolicySet): CompiledPolicySet {
  const session = policies.sessionPolicies ? scope(policies.sessionPolicies) : undefined;
  const resource = policies.resource ?? [];
  return {
    identity: scope(policies.identity),
    ...(session ? { session } : {}),
    resource: scope(resource),
    trust: resource.some((d) => d.kind === 'trust'),
  };
}

function scope(documents: PolicySet['identity']): CompiledScope {
  const statements = documents.flatMap(compileDocument);
  return { deny: statements.filter((s) => s.effect === 'Deny'), allow: statements.filter((s) => s.effect === 'Allow') };
}

export function evaluate(request: AuthorizationRequest, policies: PolicySet): Decision {
  return evaluateCompiled(request, compilePolicySet(policies));
}

const ALLOWED: Decision = { allowed: true };
const implicitDeny = (via: DenyScope): Decision => ({ allowed: false, reason: 'implicit-deny', via });

const RANK: Record<PrincipalMatch, number> = { none: 0, account: 1, direct: 2, session: 3 };

export function evaluateCompiled(request: AuthorizationRequest, compiled: CompiledPolicySet): Decision {
  const view = new RequestView(request);
  const action = request.action.toLowerCase();
  const denyingScope = explicitDenyScope(compiled, action, view);
  if (denyingScope) return { allowed: false, reason: 'explicit-deny', via: denyingScope };
  const grant = strongestGrant(compiled.resource.allow, action, view);
  if (request.principal.service !== undefined) return grant !== 'none' ? ALLOWED : implicitDeny('resource');
  return decideForCaller(request, compiled, action, view, grant);
}

/** Which policies hold an applicable Deny; identity policies do not apply to AWS services. */
function explicitDenyScope(compiled: CompiledPolicySet, action: string, view: RequestView): DenyScope | undefined {
  const isService = view.request.principal.service !== undefined;
  if (!isService && someApplies(compiled.identity.deny, action, view)) return 'identity';
  if (!isService && compiled.session && someApplies(compiled.session.deny, action, view)) return 'session';
  if (strongestGrant(compiled.resource.deny, action, view) !== 'none') return 'resource';
  return undefined;
}

/** Steps 2–7 for a user, role session or root, once no Deny applies. */
function decideForCaller(
  request: AuthorizationRequest, compiled: CompiledPolicySet, action: string, view: RequestView, grant: PrincipalMatch,
): Decision {
  const { principal } = request;
  const assumesRole = action.startsWith('sts:assumerole');
  if (principal.isRoot && assumesRole) return implicitDeny('identity');
  const sameAccount = (request.resourceAccountId ?? principal.accountId) === principal.accountId;
  const resourceRequired = !sameAccount || compiled.trust || assumesRole;
  if (principal.isRoot && !resourceRequired) return ALLOWED;

  const identityAllows = principal.isRoot || someApplies(compiled.identity.allow, action, view);
  const sessionAllows = !compiled.session || someApplies(compiled.session.allow, action, view);
  const callerNamed = grant === 'session' || (grant === 'direct' && sessionAllows);
  const allowed = sameAccount
    ? callerNamed || (identityAllows && sessionAllows && (!resourceRequired || grant !== 'none'))
    : grant !== 'none' && identityAllows && (sessionAllows || grant === 'session');
  if (allowed) return ALLOWED;
  if (resourceRequired && grant === 'none') return implicitDeny('resource');
  if (!identityAllows) return implicitDeny('identity');
  return implicitDeny(sessionAllows ? 'resource' : 'session');
}

function someApplies(statements: readonly CompiledStatement[], action: string, view: RequestView): boolean {
  for (const statement of statements) if (statement.applies(action, view)) return true;
  return false;
}

/** The strongest way an applicable resource-policy statement names the caller. */
function strongestGrant(statements: readonly CompiledStatement[], action: string, view: RequestView): PrincipalMatch {
  let best: PrincipalMatch = 'none';
  for (const statement of statements) {
    const match = statement.principal(view.request.principal);
    if (RANK[match] > RANK[best] && namesCaller(match) && statement.applies(action, view)) best = match;
  }
  return best;
}
