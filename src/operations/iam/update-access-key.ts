// UpdateAccessKey: Active or Inactive; an inactive key is refused at once (InvalidClientTokenId and its kin).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, keyOwner, onPrincipal } from './iam-context.js';
import { userKey } from '../../services/iam/iam-access-keys.js';
import { nonUserCaller } from '../../services/iam/iam-errors.js';
import { checkAccessKeyId } from '../../services/iam/iam-validation.js';

const input = z.object({ UserName: z.string().optional(), AccessKeyId: z.string(), Status: z.enum(['Active', 'Inactive']) });

export const updateAccessKeyOperation = defineOperation({
  name: 'UpdateAccessKey',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure', 'InvalidInput'],
  access: onPrincipal('UpdateAccessKey', 'user', (i, context) => keyOwner(i.UserName, context)),
  run: (request, context) => exclusively(context, async (account) => {
    const name = keyOwner(request.UserName, context);
    if (name === undefined) throw nonUserCaller();
    const user = await account.user(name);
    const credentials = context.services.store.credentials;
    const key = await userKey(credentials, account.accountId, user.name, checkAccessKeyId(request.AccessKeyId));
    await credentials.saveAccessKey({ ...key, status: request.Status });
    return undefined;
  }),
});
