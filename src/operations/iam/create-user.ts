// CreateUser: a new IAM user with no credentials and no permissions.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal, tagKeys } from './iam-context.js';
import { tagList } from './iam-shapes.js';
import { userWire } from './iam-wire.js';
import { checkName, checkPath } from '../../services/iam/iam-validation.js';
import { checkNewEntity, checkTags } from '../../services/iam/iam-entity-rules.js';
import { newId } from '../../services/iam/iam-ids.js';
import type { IamUser } from '../../store/identity-store.js';

const input = z.object({ UserName: z.string(), Path: z.string().optional(), PermissionsBoundary: z.string().optional(), Tags: tagList });

export const createUserOperation = defineOperation({
  name: 'CreateUser',
  readOnly: false,
  input,
  errors: ['LimitExceeded', 'EntityAlreadyExists', 'NoSuchEntity', 'InvalidInput', 'ConcurrentModification', 'ServiceFailure'],
  access: onPrincipal('CreateUser', 'user', (i) => i.UserName, { pathOf: (i) => i.Path, keys: (i) => tagKeys(i.Tags) }),
  run: (request, context) => exclusively(context, async (account) => {
    const name = checkName('UserName', request.UserName, 64);
    const path = checkPath('Path', request.Path);
    const tags = checkTags(request.Tags);
    await checkNewEntity(account, 'user', name);
    const user: IamUser = {
      name, path, id: newId('AIDA'), arn: account.arn('user', path, name), createdMs: context.now.getTime(),
      inlinePolicies: {}, attachedPolicies: [], groups: [], tags,
    };
    await account.save('user', user);
    return { User: userWire(user) };
  }),
});
