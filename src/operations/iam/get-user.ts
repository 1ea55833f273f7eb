// GetUser: the named user, or the caller itself (root answers as the account's root user).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, keyOwner, onPrincipal } from './iam-context.js';
import { userWire } from './iam-wire.js';
import { nonUserCaller } from '../../services/iam/iam-errors.js';

const input = z.object({ UserName: z.string().optional() });

export const getUserOperation = defineOperation({
  name: 'GetUser',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('GetUser', 'user', (i, context) => keyOwner(i.UserName, context)),
  async run({ UserName }, context) {
    const { caller } = context;
    if (UserName === undefined && caller.type === 'Root') {
      const key = await context.services.store.credentials.findAccessKey(caller.accessKeyId);
      return { User: { UserId: caller.accountId, Arn: caller.arn, CreateDate: new Date(key?.createdMs ?? context.now.getTime()) } };
    }
    const name = keyOwner(UserName, context);
    if (name === undefined) throw nonUserCaller();
    return { User: userWire(await iamAccount(context).user(name)) };
  },
});
