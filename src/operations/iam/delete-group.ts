// DeleteGroup: only an empty group without policies (DeleteConflict otherwise).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkNoPolicies, deleteConflict } from '../../services/iam/iam-entity-rules.js';

const input = z.object({ GroupName: z.string() });

export const deleteGroupOperation = defineOperation({
  name: 'DeleteGroup',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'DeleteConflict', 'LimitExceeded', 'ServiceFailure'],
  access: onPrincipal('DeleteGroup', 'group', (i) => i.GroupName),
  run: (request, context) => exclusively(context, async (account) => {
    const group = await account.group(request.GroupName);
    const key = group.name.toLowerCase();
    if ((await account.list('user')).some((u) => u.groups.some((g) => g.toLowerCase() === key))) {
      throw deleteConflict('remove users from group');
    }
    checkNoPolicies(group);
    await account.remove('group', group.name);
    return undefined;
  }),
});
