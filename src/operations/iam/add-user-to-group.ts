// AddUserToGroup: the user gets the group's policies; a user is in at most 10 groups.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { quotaExceeded } from '../../services/iam/iam-errors.js';

const input = z.object({ GroupName: z.string(), UserName: z.string() });

export const addUserToGroupOperation = defineOperation({
  name: 'AddUserToGroup',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure'],
  access: onPrincipal('AddUserToGroup', 'group', (i) => i.GroupName),
  run: (request, context) => exclusively(context, async (account) => {
    const group = await account.group(request.GroupName);
    const user = await account.user(request.UserName);
    if (user.groups.some((g) => g.toLowerCase() === group.name.toLowerCase())) return undefined;
    if (user.groups.length >= 10) throw quotaExceeded('GroupsPerUser', 10);
    await account.save('user', { ...user, groups: [...user.groups, group.name] });
    return undefined;
  }),
});
