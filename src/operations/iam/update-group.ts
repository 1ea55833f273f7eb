// UpdateGroup: a new name and/or path; members stay members under the new name.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkName, checkPath } from '../../services/iam/iam-validation.js';
import { alreadyExists } from '../../services/iam/iam-errors.js';

const input = z.object({ GroupName: z.string(), NewPath: z.string().optional(), NewGroupName: z.string().optional() });

export const updateGroupOperation = defineOperation({
  name: 'UpdateGroup',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'EntityAlreadyExists', 'LimitExceeded', 'ServiceFailure'],
  access: onPrincipal('UpdateGroup', 'group', (i) => i.GroupName, { renamedTo: (i) => ({ name: i.NewGroupName, path: i.NewPath }) }),
  run: (request, context) => exclusively(context, async (account) => {
    const group = await account.group(request.GroupName);
    const name = request.NewGroupName === undefined ? group.name : checkName('NewGroupName', request.NewGroupName, 128);
    const path = request.NewPath === undefined ? group.path : checkPath('NewPath', request.NewPath);
    const renamed = name.toLowerCase() !== group.name.toLowerCase();
    if (renamed && (await account.find('group', name))) throw alreadyExists('group', name);
    const old = group.name.toLowerCase();
    const members = (await account.list('user')).filter((user) => user.groups.some((g) => g.toLowerCase() === old));
    await account.apply([
      { kind: 'group', remove: group.name },
      { kind: 'group', save: { ...group, name, path, arn: account.arn('group', path, name) } },
      ...members.map((user) => ({ kind: 'user' as const, save: { ...user, groups: user.groups.map((g) => (g.toLowerCase() === old ? name : g)) } })),
    ]);
    return undefined;
  }),
});
