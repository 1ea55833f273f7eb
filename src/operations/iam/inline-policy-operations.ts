// Put/Get/List/Delete<User|Group|Role>Policy: inline policies live in their entity, under names unique to it.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, iamAccount, onPrincipal } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { PRINCIPALS, type PrincipalFacts } from './iam-principals.js';
import { checkPolicyDocument, encodedDocument, policySize } from '../../services/iam/iam-policy-documents.js';
import { checkName } from '../../services/iam/iam-validation.js';
import { page } from '../../services/iam/iam-pages.js';
import { ServiceError } from '../../errors/service-error.js';
import type { PrincipalKind } from '../../services/iam/iam-account.js';

type Named = Record<string, string>;

function named(facts: PrincipalFacts, extra: z.ZodRawShape = {}) {
  return z.object({ [facts.param]: z.string(), ...extra }).passthrough();
}

const noSuchInline = (facts: PrincipalFacts, name: string) =>
  new ServiceError('NoSuchEntity', `The ${facts.kind} policy with name ${name} cannot be found.`);

export function putInlinePolicy(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `Put${facts.Kind}Policy`;
  return defineOperation({
    name,
    readOnly: false,
    input: named(facts, { PolicyName: z.string(), PolicyDocument: z.string() }),
    errors: ['LimitExceeded', 'MalformedPolicyDocument', 'NoSuchEntity', 'ServiceFailure', ...(kind === 'role' ? ['UnmodifiableEntity' as const] : [])],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    run: (request: Named, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const policyName = checkName('PolicyName', request.PolicyName ?? '', 128);
      const others = Object.entries(entity.inlinePolicies).filter(([n]) => n !== policyName);
      const used = others.reduce((sum, [, text]) => sum + policySize(text), 0);
      const document = checkPolicyDocument(context.services.identity.texts, request.PolicyDocument ?? '', 'identity', facts.inlineQuota, {
        entity: `${kind} ${entity.name}`, used,
      });
      await account.save(kind, { ...entity, inlinePolicies: { ...Object.fromEntries(others), [policyName]: document } });
      return undefined;
    }),
  });
}

export function getInlinePolicy(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `Get${facts.Kind}Policy`;
  return defineOperation({
    name,
    readOnly: true,
    input: named(facts, { PolicyName: z.string() }),
    errors: ['NoSuchEntity', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    async run(request: Named, context) {
      const entity = await iamAccount(context).principal(kind, request[facts.param] ?? '');
      const policyName = request.PolicyName ?? '';
      const document = entity.inlinePolicies[policyName];
      if (document === undefined) throw noSuchInline(facts, policyName);
      return { [facts.param]: entity.name, PolicyName: policyName, PolicyDocument: encodedDocument(document) };
    },
  });
}

export function listInlinePolicies(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `List${facts.Kind}Policies`;
  return defineOperation({
    name,
    readOnly: true,
    input: named(facts, paging),
    errors: ['NoSuchEntity', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    async run(request: Named & { Marker?: string; MaxItems?: number }, context) {
      const entity = await iamAccount(context).principal(kind, request[facts.param] ?? '');
      const names = Object.keys(entity.inlinePolicies).sort();
      const result = page(names, (n) => n, { Marker: request.Marker, MaxItems: request.MaxItems });
      return { PolicyNames: result.items, IsTruncated: result.IsTruncated, ...(result.Marker ? { Marker: result.Marker } : {}) };
    },
  });
}

export function deleteInlinePolicy(kind: PrincipalKind) {
  const facts = PRINCIPALS[kind];
  const name = `Delete${facts.Kind}Policy`;
  return defineOperation({
    name,
    readOnly: false,
    input: named(facts, { PolicyName: z.string() }),
    errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure', ...(kind === 'role' ? ['UnmodifiableEntity' as const] : [])],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    run: (request: Named, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const policyName = request.PolicyName ?? '';
      if (entity.inlinePolicies[policyName] === undefined) throw noSuchInline(facts, policyName);
      const { [policyName]: _gone, ...rest } = entity.inlinePolicies;
      await account.save(kind, { ...entity, inlinePolicies: rest });
      return undefined;
    }),
  });
}
