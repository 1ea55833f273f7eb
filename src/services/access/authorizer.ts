// The authorization step of every call (design.md, "The life of one event"): the caller's policies, the resource's
// policies and the request's condition keys, evaluated by src/domain/policy for each action the call needs. A refusal
// is AccessDeniedException with AWS's message, which each protocol renames as its clients expect.
import type { Caller } from '../../domain/caller.js';
import type { AccessCheck } from '../../domain/access-check.js';
import type { Clock } from '../../domain/clock.js';
import {
  buildRequestContext, evaluateCompiled, type AuthorizationRequest, type ContextValue, type Decision, type PolicyDocument,
  type RequestPrincipal,
} from '../../domain/policy/index.js';
import { ServiceError } from '../../errors/service-error.js';
import type { IdentityDirectory } from '../../store/identity-store.js';
import { PolicyTexts } from './policy-texts.js';
import { PrincipalPolicyCache } from './principal-policies.js';

/** What the edge knows of the request beside the caller, for condition keys. */
export interface RequestFacts {
  caller: Caller;
  region: string;
  sourceIp: string;
  secureTransport: boolean;
  userAgent?: string | undefined;
}

export class Authorizer {
  readonly texts = new PolicyTexts();
  private readonly principals: PrincipalPolicyCache;
  private readonly documentIds = new WeakMap<PolicyDocument, number>();
  private nextDocumentId = 1;

  constructor(directory: IdentityDirectory, private readonly clock: Clock) {
    this.principals = new PrincipalPolicyCache(directory, this.texts);
  }

  /** Resolves when every check is allowed; otherwise throws AccessDeniedException for the first one refused. */
  async authorize(facts: RequestFacts, checks: readonly AccessCheck[]): Promise<void> {
    if (checks.length === 0) return;
    const principal = requestPrincipal(facts.caller);
    const base = this.baseContext(facts, principal);
    for (const tag of await this.principals.tags(facts.caller)) base.set(`aws:PrincipalTag/${tag.Key}`, tag.Value);
    for (const check of checks) {
      const resource = check.resourcePolicies ?? [];
      const compiled = await this.principals.compiled(facts.caller, this.resourceKey(resource), resource);
      const request: AuthorizationRequest = {
        principal,
        action: check.action,
        resource: check.resource,
        ...(check.resourceAccountId ? { resourceAccountId: check.resourceAccountId } : {}),
        context: check.context ? new Map([...base, ...Object.entries(check.context)]) : base,
      };
      const decision = evaluateCompiled(request, compiled);
      if (!decision.allowed) throw accessDenied(facts.caller, check, decision);
    }
  }

  private baseContext(facts: RequestFacts, principal: RequestPrincipal): Map<string, ContextValue> {
    const { caller } = facts;
    return buildRequestContext({
      principal,
      userId: caller.principalId,
      sourceIp: facts.sourceIp,
      now: this.clock.now(),
      region: facts.region,
      secureTransport: facts.secureTransport,
      ...(facts.userAgent !== undefined ? { userAgent: facts.userAgent } : {}),
      ...(caller.session ? { tokenIssueTime: new Date(caller.session.issuedMs) } : {}),
    });
  }

  private resourceKey(documents: readonly PolicyDocument[]): string {
    return documents.map((document) => {
      let id = this.documentIds.get(document);
      if (id === undefined) this.documentIds.set(document, (id = this.nextDocumentId++));
      return id;
    }).join(',');
  }
}

function requestPrincipal(caller: Caller): RequestPrincipal {
  return {
    arn: caller.arn,
    accountId: caller.accountId,
    isRoot: caller.type === 'Root',
    ...(caller.type === 'AssumedRole' && caller.session ? { roleArn: caller.session.issuer.arn } : {}),
  };
}

/** AWS's wording: who, what, on which resource (left out for actions without one), and why not. */
export function accessDeniedMessage(caller: Caller, check: AccessCheck, decision: Exclude<Decision, { allowed: true }>): string {
  const on = check.resource === '*' ? '' : ` on resource: ${check.resource}`;
  const kind = decision.via === 'resource' ? 'a resource-based policy' : decision.via === 'session' ? 'a session policy' : 'an identity-based policy';
  const why = decision.reason === 'explicit-deny'
    ? `with an explicit deny in ${kind}`
    : `because no ${decision.via === 'session' ? 'session policy' : decision.via === 'resource' ? 'resource-based policy' : 'identity-based policy'} allows the ${check.action} action`;
  return `User: ${caller.arn} is not authorized to perform: ${check.action}${on} ${why}`;
}

function accessDenied(caller: Caller, check: AccessCheck, decision: Exclude<Decision, { allowed: true }>): ServiceError {
  return new ServiceError('AccessDeniedException', accessDeniedMessage(caller, check, decision));
}
