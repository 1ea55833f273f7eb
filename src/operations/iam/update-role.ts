// UpdateRole: the role's description and maximum session length; sessions already issued keep their expiry.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { queryInt } from './iam-shapes.js';
import { checkDescription } from '../../services/iam/iam-validation.js';
import { checkMaxSessionDuration } from '../../services/iam/iam-roles.js';

const input = z.object({ RoleName: z.string(), Description: z.string().optional(), MaxSessionDuration: queryInt.optional() });

export const updateRoleOperation = defineOperation({
  name: 'UpdateRole',
  readOnly: false,
  input,
  errors: ['UnmodifiableEntity', 'NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('UpdateRole', 'role', (i) => i.RoleName),
  run: (request, context) => exclusively(context, async (account) => {
    const role = await account.role(request.RoleName);
    const description = checkDescription(request.Description) ?? role.description;
    const maxSessionDuration = request.MaxSessionDuration === undefined ? role.maxSessionDuration : checkMaxSessionDuration(request.MaxSessionDuration);
    await account.save('role', { ...role, maxSessionDuration, ...(description !== undefined ? { description } : {}) });
    return {};
  }),
});
