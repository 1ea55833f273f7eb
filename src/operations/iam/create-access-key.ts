// CreateAccessKey: a new key pair for the user (the caller itself by default). The secret is in this answer only;
// opentrail keeps it sealed (src/crypto/secret-box.ts) and the call's record hides it.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, keyOwner, onPrincipal } from './iam-context.js';
import { ACCESS_KEYS_PER_USER, keyMetadataWire } from '../../services/iam/iam-access-keys.js';
import { newId, newSecretAccessKey } from '../../services/iam/iam-ids.js';
import { nonUserCaller, quotaExceeded } from '../../services/iam/iam-errors.js';
import type { AccessKeyRecord } from '../../store/store.js';

const input = z.object({ UserName: z.string().optional() });

export const createAccessKeyOperation = defineOperation({
  name: 'CreateAccessKey',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'LimitExceeded', 'ServiceFailure'],
  access: onPrincipal('CreateAccessKey', 'user', (i, context) => keyOwner(i.UserName, context)),
  run: (request, context) => exclusively(context, async (account) => {
    const name = keyOwner(request.UserName, context);
    if (name === undefined) throw nonUserCaller();
    const user = await account.user(name);
    const credentials = context.services.store.credentials;
    if ((await credentials.listUserKeys(account.accountId, user.name)).length >= ACCESS_KEYS_PER_USER) {
      throw quotaExceeded('AccessKeysPerUser', ACCESS_KEYS_PER_USER);
    }
    const secret = newSecretAccessKey();
    const key: AccessKeyRecord = {
      accessKeyId: newId('AKIA'), accountId: account.accountId, principalType: 'IAMUser', principalId: user.id,
      principalArn: user.arn, userName: user.name, sealedSecret: context.services.identity.secrets.seal(secret),
      status: 'Active', createdMs: context.now.getTime(),
    };
    await credentials.saveAccessKey(key);
    const { UserName, AccessKeyId, Status, CreateDate } = keyMetadataWire(key);
    return { AccessKey: { UserName, AccessKeyId, Status, SecretAccessKey: secret, CreateDate } };
  }),
});
