// ListPolicies: the account's customer managed policies (Scope Local or All; opentrail has no AWS managed ones),
// optionally only those attached to something.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onAnyResource } from './iam-context.js';
import { paging, queryBool } from './iam-shapes.js';
import { policyWire } from './iam-wire.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';

const input = z.object({
  Scope: z.enum(['All', 'AWS', 'Local']).optional(),
  OnlyAttached: queryBool.optional(),
  PathPrefix: z.string().optional(),
  PolicyUsageFilter: z.enum(['PermissionsPolicy', 'PermissionsBoundary']).optional(),
  ...paging,
});

export const listPoliciesOperation = defineOperation({
  name: 'ListPolicies',
  readOnly: true,
  input,
  errors: ['ServiceFailure'],
  access: onAnyResource('ListPolicies'),
  async run({ Scope, OnlyAttached, PathPrefix, PolicyUsageFilter, ...paged }, context) {
    const account = iamAccount(context);
    const counted = [];
    const local = Scope === 'AWS' || PolicyUsageFilter === 'PermissionsBoundary' ? [] : await account.list('policy');
    for (const policy of local) {
      if (!policy.path.startsWith(PathPrefix ?? '/')) continue;
      const count = (await account.attachmentsOf(policy.arn)).length;
      if (!OnlyAttached || count > 0) counted.push({ policy, count });
    }
    return pagedWire('Policies', page(counted, (c) => c.policy.name.toLowerCase(), paged), (c) => policyWire(c.policy, c.count));
  },
});
