// ListGroupsForUser: the groups a user is in, a page at a time.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPrincipal } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { groupWire } from './iam-wire.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';
import type { IamGroup } from '../../store/identity-store.js';

const input = z.object({ UserName: z.string(), ...paging });

export const listGroupsForUserOperation = defineOperation({
  name: 'ListGroupsForUser',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('ListGroupsForUser', 'user', (i) => i.UserName),
  async run({ UserName, ...paged }, context) {
    const account = iamAccount(context);
    const user = await account.user(UserName);
    const groups: IamGroup[] = [];
    for (const name of user.groups) {
      const group = await account.find('group', name);
      if (group) groups.push(group);
    }
    groups.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    return pagedWire('Groups', page(groups, (g) => g.name.toLowerCase(), paged), groupWire);
  },
});
