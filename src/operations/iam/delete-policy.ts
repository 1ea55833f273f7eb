// DeletePolicy: only a policy attached to nothing and down to its default version (DeleteConflict otherwise).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPolicyArn } from './iam-context.js';
import { ServiceError } from '../../errors/service-error.js';

const input = z.object({ PolicyArn: z.string() });

export const deletePolicyOperation = defineOperation({
  name: 'DeletePolicy',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'InvalidInput', 'DeleteConflict', 'ServiceFailure'],
  access: onPolicyArn('DeletePolicy', (i) => i.PolicyArn),
  run: (request, context) => exclusively(context, async (account) => {
    const policy = await account.policy(request.PolicyArn);
    if ((await account.attachmentsOf(policy.arn)).length > 0) {
      throw new ServiceError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    }
    if (policy.versions.length > 1) {
      throw new ServiceError('DeleteConflict', 'This policy has more than one version. Before you delete a policy, you must delete the policy\'s versions. The default version is deleted with the policy.');
    }
    await account.remove('policy', policy.name);
    return undefined;
  }),
});
