// GetPolicyVersion: one version with its document (URL-encoded, as IAM sends policy documents).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPolicyArn } from './iam-context.js';
import { policyVersionWire } from './iam-wire.js';
import { checkVersionId, findVersion } from '../../services/iam/iam-managed-policies.js';

const input = z.object({ PolicyArn: z.string(), VersionId: z.string() });

export const getPolicyVersionOperation = defineOperation({
  name: 'GetPolicyVersion',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'InvalidInput', 'ServiceFailure'],
  access: onPolicyArn('GetPolicyVersion', (i) => i.PolicyArn),
  async run({ PolicyArn, VersionId }, context) {
    const policy = await iamAccount(context).policy(PolicyArn);
    return { PolicyVersion: policyVersionWire(policy, findVersion(policy, checkVersionId(VersionId)), true) };
  },
});
