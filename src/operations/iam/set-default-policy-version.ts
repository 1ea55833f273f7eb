// SetDefaultPolicyVersion: which version applies wherever the policy is attached, from the next request on.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPolicyArn } from './iam-context.js';
import { checkVersionId, findVersion } from '../../services/iam/iam-managed-policies.js';

const input = z.object({ PolicyArn: z.string(), VersionId: z.string() });

export const setDefaultPolicyVersionOperation = defineOperation({
  name: 'SetDefaultPolicyVersion',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'InvalidInput', 'LimitExceeded', 'ServiceFailure'],
  access: onPolicyArn('SetDefaultPolicyVersion', (i) => i.PolicyArn),
  run: (request, context) => exclusively(context, async (account) => {
    const policy = await account.policy(request.PolicyArn);
    const version = findVersion(policy, checkVersionId(request.VersionId));
    await account.save('policy', { ...policy, defaultVersionId: version.versionId, updatedMs: context.now.getTime() });
    return undefined;
  }),
});
