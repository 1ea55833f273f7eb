// GetGroup: the group and its members, a page of users at a time.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPrincipal } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { groupWire, userWire } from './iam-wire.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';

const input = z.object({ GroupName: z.string(), ...paging });

export const getGroupOperation = defineOperation({
  name: 'GetGroup',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('GetGroup', 'group', (i) => i.GroupName),
  async run({ GroupName, ...paged }, context) {
    const account = iamAccount(context);
    const group = await account.group(GroupName);
    const key = group.name.toLowerCase();
    const members = (await account.list('user')).filter((u) => u.groups.some((g) => g.toLowerCase() === key));
    return { Group: groupWire(group), ...pagedWire('Users', page(members, (u) => u.name.toLowerCase(), paged), userWire) };
  },
});
