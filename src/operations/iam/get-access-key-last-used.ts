// GetAccessKeyLastUsed: when, with which service and in which region the key last signed a request ('N/A' when
// it never has). Needs iam:GetAccessKeyLastUsed on the key's user.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { noSuchKey } from '../../services/iam/iam-access-keys.js';
import type { AccessKeyRecord } from '../../store/store.js';
import type { OperationContext } from '../operation.js';

const input = z.object({ AccessKeyId: z.string() });

async function accountKey(accessKeyId: string, context: OperationContext): Promise<AccessKeyRecord | undefined> {
  const key = await context.services.store.credentials.findAccessKey(accessKeyId);
  return key && !key.session && key.accountId === context.caller.accountId ? key : undefined;
}

export const getAccessKeyLastUsedOperation = defineOperation({
  name: 'GetAccessKeyLastUsed',
  readOnly: true,
  input,
  errors: [],
  async access({ AccessKeyId }, context) {
    const key = await accountKey(AccessKeyId, context);
    return [{ action: 'iam:GetAccessKeyLastUsed', resource: key?.principalArn ?? '*' }];
  },
  async run({ AccessKeyId }, context) {
    const key = await accountKey(AccessKeyId, context);
    if (!key) throw noSuchKey(AccessKeyId);
    const used = key.lastUsed;
    return {
      ...(key.userName ? { UserName: key.userName } : {}),
      AccessKeyLastUsed: used
        ? { LastUsedDate: new Date(used.usedMs), ServiceName: used.serviceName, Region: used.region }
        : { ServiceName: 'N/A', Region: 'N/A' },
    };
  },
});
