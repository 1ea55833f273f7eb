// Attach/Detach/ListAttached<User|Group|Role>Policies: managed policies attached to an entity, at most 10 each.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, iamAccount, onPrincipal } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { PRINCIPALS, type PrincipalFacts } from './iam-principals.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';
import { noSuchPolicy, quotaExceeded } from '../../services/iam/iam-errors.js';
import { ATTACHED_POLICIES_PER_PRINCIPAL } from '../../services/iam/iam-entity-rules.js';
import { policyNameOf } from '../../services/access/principal-policies.js';
import type { PrincipalKind } from '../../services/iam/iam-account.js';

type Named = Record<string, string>;

/** iam:PolicyARN: which managed policy an Attach or Detach call is about, which policies may limit. */
const policyArnKey = (input: Named) => (input.PolicyArn === undefined ? undefined : { 'iam:PolicyARN': input.PolicyArn });

function policyInput(facts: PrincipalFacts) {
  return z.object({ [facts.param]: z.string(), PolicyArn: z.string() }).passthrough();
}

export function attachPolicy(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `Attach${facts.Kind}Policy`;
  return defineOperation({
    name,
    readOnly: false,
    input: policyInput(facts),
    errors: ['NoSuchEntity', 'LimitExceeded', 'InvalidInput', 'PolicyNotAttachable', 'ServiceFailure', ...(kind === 'role' ? ['UnmodifiableEntity' as const] : [])],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param], { keys: policyArnKey }),
    run: (request: Named, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const policy = await account.policy(request.PolicyArn ?? '');
      if (entity.attachedPolicies.includes(policy.arn)) return undefined;
      if (entity.attachedPolicies.length >= ATTACHED_POLICIES_PER_PRINCIPAL) {
        throw quotaExceeded(`PoliciesPer${facts.Kind}`, ATTACHED_POLICIES_PER_PRINCIPAL);
      }
      await account.save(kind, { ...entity, attachedPolicies: [...entity.attachedPolicies, policy.arn] });
      return undefined;
    }),
  });
}

export function detachPolicy(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `Detach${facts.Kind}Policy`;
  return defineOperation({
    name,
    readOnly: false,
    input: policyInput(facts),
    errors: ['NoSuchEntity', 'LimitExceeded', 'InvalidInput', 'ServiceFailure', ...(kind === 'role' ? ['UnmodifiableEntity' as const] : [])],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param], { keys: policyArnKey }),
    run: (request: Named, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const arn = request.PolicyArn ?? '';
      if (!entity.attachedPolicies.includes(arn)) throw noSuchPolicy(arn);
      await account.save(kind, { ...entity, attachedPolicies: entity.attachedPolicies.filter((a) => a !== arn) });
      return undefined;
    }),
  });
}

export function listAttachedPolicies(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `ListAttached${facts.Kind}Policies`;
  return defineOperation({
    name,
    readOnly: true,
    input: z.object({ [facts.param]: z.string(), PathPrefix: z.string().optional(), ...paging }).passthrough(),
    errors: ['NoSuchEntity', 'InvalidInput', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    async run(request: Named & { Marker?: string; MaxItems?: number }, context) {
      const entity = await iamAccount(context).principal(kind, request[facts.param] ?? '');
      const prefix = `arn:aws:iam::${context.caller.accountId}:policy${request.PathPrefix ?? '/'}`;
      const arns = entity.attachedPolicies.filter((arn) => arn.startsWith(prefix)).sort();
      const result = page(arns, (arn) => arn, { Marker: request.Marker, MaxItems: request.MaxItems });
      return pagedWire('AttachedPolicies', result, (arn) => ({ PolicyName: policyNameOf(arn), PolicyArn: arn }));
    },
  });
}
