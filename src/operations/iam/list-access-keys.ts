// ListAccessKeys: the user's keys (the caller's own by default), without their secrets.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, keyOwner, onPrincipal } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { keyMetadataWire } from '../../services/iam/iam-access-keys.js';
import { nonUserCaller } from '../../services/iam/iam-errors.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';

const input = z.object({ UserName: z.string().optional(), ...paging });

export const listAccessKeysOperation = defineOperation({
  name: 'ListAccessKeys',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onPrincipal('ListAccessKeys', 'user', (i, context) => keyOwner(i.UserName, context)),
  async run({ UserName, ...paged }, context) {
    const name = keyOwner(UserName, context);
    if (name === undefined) throw nonUserCaller();
    const user = await iamAccount(context).user(name);
    const keys = await context.services.store.credentials.listUserKeys(context.caller.accountId, user.name);
    return pagedWire('AccessKeyMetadata', page(keys, (k) => k.accessKeyId, paged), keyMetadataWire);
  },
});
