// RemoveUserFromGroup: NoSuchEntity when the user is not in the group.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { ServiceError } from '../../errors/service-error.js';

const input = z.object({ GroupName: z.string(), UserName: z.string() });

export const removeUserFromGroupOperation = defineOperation({
  name: 'RemoveUserFromGroup',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure'],
  access: onPrincipal('RemoveUserFromGroup', 'group', (i) => i.GroupName),
  run: (request, context) => exclusively(context, async (account) => {
    const group = await account.group(request.GroupName);
    const user = await account.user(request.UserName);
    const groups = user.groups.filter((g) => g.toLowerCase() !== group.name.toLowerCase());
    if (groups.length === user.groups.length) {
      throw new ServiceError('NoSuchEntity', `User ${user.name} is not in group ${group.name}.`);
    }
    await account.save('user', { ...user, groups });
    return undefined;
  }),
});
