// GetCallerIdentity: who the credentials belong to. AWS lets every valid credential call it, even under an explicit
// Deny, so it needs no permission.
import { z } from 'zod';
import { defineOperation } from '../operation.js';

export const getCallerIdentityOperation = defineOperation({
  name: 'GetCallerIdentity',
  readOnly: true,
  input: z.object({}),
  errors: [],
  access: () => [],
  async run(_input, { caller }) {
    return { UserId: caller.principalId, Account: caller.accountId, Arn: caller.arn };
  },
});
