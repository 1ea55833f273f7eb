// DeleteUser: only a user with nothing left: no access keys, no policies, in no group (DeleteConflict otherwise).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkNoPolicies, deleteConflict } from '../../services/iam/iam-entity-rules.js';

const input = z.object({ UserName: z.string() });

export const deleteUserOperation = defineOperation({
  name: 'DeleteUser',
  readOnly: false,
  input,
  errors: ['LimitExceeded', 'NoSuchEntity', 'DeleteConflict', 'ConcurrentModification', 'ServiceFailure'],
  access: onPrincipal('DeleteUser', 'user', (i) => i.UserName),
  run: (request, context) => exclusively(context, async (account) => {
    const user = await account.user(request.UserName);
    if ((await context.services.store.credentials.listUserKeys(account.accountId, user.name)).length > 0) {
      throw deleteConflict('delete access keys');
    }
    checkNoPolicies(user);
    if (user.groups.length > 0) throw deleteConflict('remove user from group');
    await account.remove('user', user.name);
    return undefined;
  }),
});
