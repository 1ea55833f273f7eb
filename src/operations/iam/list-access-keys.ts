// ListAccessKeys: the keys of the user named, the calling user or the calling root, without their secrets.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onKeyHolder } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { holderKeys, keyHolder, keyMetadataWire } from '../../services/iam/iam-access-keys.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';

const input = z.object({ UserName: z.string().optional(), ...paging });

export const listAccessKeysOperation = defineOperation({
  name: 'ListAccessKeys',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'ServiceFailure'],
  access: onKeyHolder('ListAccessKeys'),
  async run({ UserName, ...paged }, context) {
    const account = iamAccount(context);
    const holder = await keyHolder(account, UserName, context.caller);
    const keys = await holderKeys(context.services.store.credentials, account.accountId, holder);
    return pagedWire('AccessKeyMetadata', page(keys, (k) => k.accessKeyId, paged), keyMetadataWire);
  },
});
