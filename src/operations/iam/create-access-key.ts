// CreateAccessKey: a new key pair for the user named, the calling user, or the calling root. The secret is in this
// answer only; opentrail keeps it sealed (src/crypto/secret-box.ts) and the call's record hides it.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onKeyHolder } from './iam-context.js';
import { ACCESS_KEYS_PER_USER, holderKeys, keyHolder, keyMetadataWire } from '../../services/iam/iam-access-keys.js';
import { newId, newSecretAccessKey } from '../../services/iam/iam-ids.js';
import { quotaExceeded } from '../../services/iam/iam-errors.js';
import type { AccessKeyRecord } from '../../store/store.js';

const input = z.object({ UserName: z.string().optional() });

export const createAccessKeyOperation = defineOperation({
  name: 'CreateAccessKey',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure'],
  access: onKeyHolder('CreateAccessKey'),
  run: (request, context) => exclusively(context, async (account) => {
    const holder = await keyHolder(account, request.UserName, context.caller);
    const credentials = context.services.store.credentials;
    if ((await holderKeys(credentials, account.accountId, holder)).length >= ACCESS_KEYS_PER_USER) {
      throw quotaExceeded('AccessKeysPerUser', ACCESS_KEYS_PER_USER);
    }
    const secret = newSecretAccessKey();
    const key: AccessKeyRecord = {
      accessKeyId: newId('AKIA'), accountId: account.accountId, ...holder,
      sealedSecret: context.services.identity.secrets.seal(secret), status: 'Active', createdMs: context.now.getTime(),
    };
    await credentials.saveAccessKey(key);
    const { AccessKeyId, Status, CreateDate, ...user } = keyMetadataWire(key);
    return { AccessKey: { ...user, AccessKeyId, Status, SecretAccessKey: secret, CreateDate } };
  }),
});
