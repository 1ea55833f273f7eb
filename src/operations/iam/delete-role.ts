// DeleteRole: only a role without policies (DeleteConflict otherwise). Sessions of the role already issued keep
// their credentials until they expire but no longer have any permission, since the role's policies are gone.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkNoPolicies } from '../../services/iam/iam-entity-rules.js';

const input = z.object({ RoleName: z.string() });

export const deleteRoleOperation = defineOperation({
  name: 'DeleteRole',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'DeleteConflict', 'LimitExceeded', 'UnmodifiableEntity', 'ConcurrentModification', 'ServiceFailure'],
  access: onPrincipal('DeleteRole', 'role', (i) => i.RoleName),
  run: (request, context) => exclusively(context, async (account) => {
    const role = await account.role(request.RoleName);
    checkNoPolicies(role);
    await account.remove('role', role.name);
    return undefined;
  }),
});
