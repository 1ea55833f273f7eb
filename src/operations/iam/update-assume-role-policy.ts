// UpdateAssumeRolePolicy: replaces the role's trust policy; later AssumeRole calls are checked against it.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkTrustPolicy } from '../../services/iam/iam-roles.js';

const input = z.object({ RoleName: z.string(), PolicyDocument: z.string() });

export const updateAssumeRolePolicyOperation = defineOperation({
  name: 'UpdateAssumeRolePolicy',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'MalformedPolicyDocument', 'LimitExceeded', 'UnmodifiableEntity', 'ServiceFailure'],
  access: onPrincipal('UpdateAssumeRolePolicy', 'role', (i) => i.RoleName),
  run: (request, context) => exclusively(context, async (account) => {
    const role = await account.role(request.RoleName);
    const trust = checkTrustPolicy(context.services.identity.texts, request.PolicyDocument);
    await account.save('role', { ...role, assumeRolePolicy: trust });
    return undefined;
  }),
});
