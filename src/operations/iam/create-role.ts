// CreateRole: a role and the trust policy that says who may assume it; sessions last up to MaxSessionDuration.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal, tagKeys } from './iam-context.js';
import { queryInt, tagList } from './iam-shapes.js';
import { roleWire } from './iam-wire.js';
import { checkDescription, checkName, checkPath } from '../../services/iam/iam-validation.js';
import { checkNewEntity, checkTags } from '../../services/iam/iam-entity-rules.js';
import { checkTrustPolicy, checkMaxSessionDuration } from '../../services/iam/iam-roles.js';
import { newId } from '../../services/iam/iam-ids.js';
import type { IamRole } from '../../store/identity-store.js';

const input = z.object({
  RoleName: z.string(),
  AssumeRolePolicyDocument: z.string(),
  Path: z.string().optional(),
  Description: z.string().optional(),
  MaxSessionDuration: queryInt.optional(),
  PermissionsBoundary: z.string().optional(),
  Tags: tagList,
});

export const createRoleOperation = defineOperation({
  name: 'CreateRole',
  readOnly: false,
  input,
  errors: ['LimitExceeded', 'InvalidInput', 'EntityAlreadyExists', 'MalformedPolicyDocument', 'ConcurrentModification', 'ServiceFailure'],
  access: onPrincipal('CreateRole', 'role', (i) => i.RoleName, { pathOf: (i) => i.Path, keys: (i) => tagKeys(i.Tags) }),
  run: (request, context) => exclusively(context, async (account) => {
    const name = checkName('RoleName', request.RoleName, 64);
    const path = checkPath('Path', request.Path);
    const description = checkDescription(request.Description);
    const tags = checkTags(request.Tags);
    const trust = checkTrustPolicy(context.services.identity.texts, request.AssumeRolePolicyDocument);
    const maxSessionDuration = checkMaxSessionDuration(request.MaxSessionDuration);
    await checkNewEntity(account, 'role', name);
    const role: IamRole = {
      name, path, id: newId('AROA'), arn: account.arn('role', path, name), createdMs: context.now.getTime(),
      assumeRolePolicy: trust, maxSessionDuration, inlinePolicies: {}, attachedPolicies: [], tags,
      ...(description !== undefined ? { description } : {}),
    };
    await account.save('role', role);
    return { Role: roleWire(role) };
  }),
});
