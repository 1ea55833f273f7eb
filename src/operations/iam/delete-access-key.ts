// DeleteAccessKey: the key stops working at once.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onKeyHolder } from './iam-context.js';
import { holderKey, keyHolder } from '../../services/iam/iam-access-keys.js';
import { checkAccessKeyId } from '../../services/iam/iam-validation.js';

const input = z.object({ UserName: z.string().optional(), AccessKeyId: z.string() });

export const deleteAccessKeyOperation = defineOperation({
  name: 'DeleteAccessKey',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure'],
  access: onKeyHolder('DeleteAccessKey'),
  run: (request, context) => exclusively(context, async (account) => {
    const holder = await keyHolder(account, request.UserName, context.caller);
    const credentials = context.services.store.credentials;
    const key = await holderKey(credentials, account.accountId, holder, checkAccessKeyId(request.AccessKeyId));
    await credentials.deleteAccessKey(key.accessKeyId);
    return undefined;
  }),
});
