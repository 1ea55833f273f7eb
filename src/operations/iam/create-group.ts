// CreateGroup: a new group with no members and no permissions.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { groupWire } from './iam-wire.js';
import { checkName, checkPath } from '../../services/iam/iam-validation.js';
import { checkNewEntity } from '../../services/iam/iam-entity-rules.js';
import { newId } from '../../services/iam/iam-ids.js';
import type { IamGroup } from '../../store/identity-store.js';

const input = z.object({ GroupName: z.string(), Path: z.string().optional() });

export const createGroupOperation = defineOperation({
  name: 'CreateGroup',
  readOnly: false,
  input,
  errors: ['LimitExceeded', 'EntityAlreadyExists', 'NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('CreateGroup', 'group', (i) => i.GroupName, { pathOf: (i) => i.Path }),
  run: (request, context) => exclusively(context, async (account) => {
    const name = checkName('GroupName', request.GroupName, 128);
    const path = checkPath('Path', request.Path);
    await checkNewEntity(account, 'group', name);
    const group: IamGroup = {
      name, path, id: newId('AGPA'), arn: account.arn('group', path, name), createdMs: context.now.getTime(),
      inlinePolicies: {}, attachedPolicies: [], tags: [],
    };
    await account.save('group', group);
    return { Group: groupWire(group) };
  }),
});
