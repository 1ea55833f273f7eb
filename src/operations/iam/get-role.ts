// GetRole: the role with its trust policy (URL-encoded, as IAM sends policy documents).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPrincipal } from './iam-context.js';
import { roleWire } from './iam-wire.js';

const input = z.object({ RoleName: z.string() });

export const getRoleOperation = defineOperation({
  name: 'GetRole',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('GetRole', 'role', (i) => i.RoleName),
  async run({ RoleName }, context) {
    return { Role: roleWire(await iamAccount(context).role(RoleName)) };
  },
});
