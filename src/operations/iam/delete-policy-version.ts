// DeletePolicyVersion: any version but the default one (DeleteConflict).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPolicyArn } from './iam-context.js';
import { checkVersionId, findVersion } from '../../services/iam/iam-managed-policies.js';
import { ServiceError } from '../../errors/service-error.js';

const input = z.object({ PolicyArn: z.string(), VersionId: z.string() });

export const deletePolicyVersionOperation = defineOperation({
  name: 'DeletePolicyVersion',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'InvalidInput', 'DeleteConflict', 'ServiceFailure'],
  access: onPolicyArn('DeletePolicyVersion', (i) => i.PolicyArn),
  run: (request, context) => exclusively(context, async (account) => {
    const policy = await account.policy(request.PolicyArn);
    const version = findVersion(policy, checkVersionId(request.VersionId));
    if (version.versionId === policy.defaultVersionId) {
      throw new ServiceError('DeleteConflict', 'Cannot delete the default version of a policy.');
    }
    await account.save('policy', { ...policy, versions: policy.versions.filter((v) => v !== version), updatedMs: context.now.getTime() });
    return undefined;
  }),
});
