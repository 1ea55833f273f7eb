// ListEntitiesForPolicy: the users, groups and roles a managed policy is attached to (what DeletePolicy waits on),
// filtered by type and path, a page at a time.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPolicyArn } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { page } from '../../services/iam/iam-pages.js';
import type { PrincipalKind } from '../../services/iam/iam-account.js';

const input = z.object({
  PolicyArn: z.string(),
  EntityFilter: z.enum(['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy']).optional(),
  PathPrefix: z.string().optional(),
  PolicyUsageFilter: z.enum(['PermissionsPolicy', 'PermissionsBoundary']).optional(),
  ...paging,
});

const MEMBERS: Record<PrincipalKind, { list: string; name: string; id: string }> = {
  group: { list: 'PolicyGroups', name: 'GroupName', id: 'GroupId' },
  user: { list: 'PolicyUsers', name: 'UserName', id: 'UserId' },
  role: { list: 'PolicyRoles', name: 'RoleName', id: 'RoleId' },
};

export const listEntitiesForPolicyOperation = defineOperation({
  name: 'ListEntitiesForPolicy',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'InvalidInput', 'ServiceFailure'],
  access: onPolicyArn('ListEntitiesForPolicy', (i) => i.PolicyArn),
  async run({ PolicyArn, EntityFilter, PathPrefix, PolicyUsageFilter, ...paged }, context) {
    const account = iamAccount(context);
    const policy = await account.policy(PolicyArn);
    const kinds = (['group', 'user', 'role'] as const).filter((k) => !EntityFilter || EntityFilter.toLowerCase() === k);
    const entities = [];
    for (const kind of PolicyUsageFilter === 'PermissionsBoundary' ? [] : kinds) {
      for (const entity of await account.list(kind)) {
        if (entity.attachedPolicies.includes(policy.arn) && entity.path.startsWith(PathPrefix ?? '/')) entities.push({ kind, entity });
      }
    }
    const result = page(entities, ({ kind, entity }) => `${kind}\u0000${entity.name.toLowerCase()}`, paged);
    const lists: Record<string, Array<Record<string, string>>> = { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [] };
    for (const { kind, entity } of result.items) {
      const member = MEMBERS[kind];
      lists[member.list]!.push({ [member.name]: entity.name, [member.id]: entity.id });
    }
    return { ...lists, IsTruncated: result.IsTruncated, ...(result.Marker ? { Marker: result.Marker } : {}) };
  },
});
