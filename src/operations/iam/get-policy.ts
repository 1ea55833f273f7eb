// GetPolicy: a managed policy's metadata (its document is GetPolicyVersion's).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPolicyArn } from './iam-context.js';
import { policyWire } from './iam-wire.js';
import { attachmentCount } from '../../services/iam/iam-managed-policies.js';

const input = z.object({ PolicyArn: z.string() });

export const getPolicyOperation = defineOperation({
  name: 'GetPolicy',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'InvalidInput', 'ServiceFailure'],
  access: onPolicyArn('GetPolicy', (i) => i.PolicyArn),
  async run({ PolicyArn }, context) {
    const account = iamAccount(context);
    const policy = await account.policy(PolicyArn);
    return { Policy: policyWire(policy, await attachmentCount(account, policy)) };
  },
});
