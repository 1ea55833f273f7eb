// UpdateUser: a new name and/or path. The user's access keys follow the new name, so its signatures keep working
// and its records show who it is now.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPrincipal } from './iam-context.js';
import { checkName, checkPath } from '../../services/iam/iam-validation.js';
import { alreadyExists } from '../../services/iam/iam-errors.js';

const input = z.object({ UserName: z.string(), NewPath: z.string().optional(), NewUserName: z.string().optional() });

export const updateUserOperation = defineOperation({
  name: 'UpdateUser',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'EntityAlreadyExists', 'EntityTemporarilyUnmodifiable', 'ConcurrentModification', 'ServiceFailure'],
  access: onPrincipal('UpdateUser', 'user', (i) => i.UserName, { renamedTo: (i) => ({ name: i.NewUserName, path: i.NewPath }) }),
  run: (request, context) => exclusively(context, async (account) => {
    const user = await account.user(request.UserName);
    const name = request.NewUserName === undefined ? user.name : checkName('NewUserName', request.NewUserName, 64);
    const path = request.NewPath === undefined ? user.path : checkPath('NewPath', request.NewPath);
    if (name.toLowerCase() !== user.name.toLowerCase() && (await account.find('user', name))) throw alreadyExists('user', name);
    const updated = { ...user, name, path, arn: account.arn('user', path, name) };
    await account.apply([{ kind: 'user', remove: user.name }, { kind: 'user', save: updated }]);
    const credentials = context.services.store.credentials;
    for (const key of await credentials.listUserKeys(account.accountId, user.name)) {
      await credentials.saveAccessKey({ ...key, userName: name, principalArn: updated.arn });
    }
    return undefined;
  }),
});
