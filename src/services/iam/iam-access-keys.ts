// Long-term access keys (AKIA…) as IAM manages them: an IAM user's (at most 2) or, when root calls without a
// UserName, the account root's own. The secret is shown once and kept only sealed.
import type { AccessKeyRecord, CredentialStore } from '../../store/store.js';
import type { Caller } from '../../domain/caller.js';
import { rootArn } from '../../domain/caller.js';
import { ServiceError } from '../../errors/service-error.js';
import type { IamAccount } from './iam-account.js';
import { nonUserCaller } from './iam-errors.js';

export const ACCESS_KEYS_PER_USER = 2;

/** Whose keys a call is about. */
export interface KeyHolder {
  principalType: 'IAMUser' | 'Root';
  principalId: string;
  principalArn: string;
  userName?: string;
}

/** The user named, or else the calling user, or else the calling root (never a session). */
export async function keyHolder(account: IamAccount, userName: string | undefined, caller: Caller): Promise<KeyHolder> {
  const name = userName ?? (caller.type === 'IAMUser' ? caller.userName : undefined);
  if (name !== undefined) {
    const user = await account.user(name);
    return { principalType: 'IAMUser', principalId: user.id, principalArn: user.arn, userName: user.name };
  }
  if (caller.type === 'Root' && !caller.session) return { principalType: 'Root', principalId: account.accountId, principalArn: rootArn(account.accountId) };
  throw nonUserCaller();
}

/** The ARN a key call acts on, for authorization; '*' when the call cannot name one (it then fails on its own). */
export function keyHolderArn(account: IamAccount, userName: string | undefined, caller: Caller): string {
  const name = userName ?? (caller.type === 'IAMUser' ? caller.userName : undefined);
  if (name !== undefined) return account.arn('user', '/', name);
  return caller.type === 'Root' ? rootArn(account.accountId) : '*';
}

export function holderKeys(credentials: CredentialStore, accountId: string, holder: KeyHolder): Promise<AccessKeyRecord[]> {
  return holder.userName === undefined ? credentials.listRootKeys(accountId) : credentials.listUserKeys(accountId, holder.userName);
}

export function noSuchKey(accessKeyId: string): ServiceError {
  return new ServiceError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
}

/** The key, when it is one of the holder's long-term keys. */
export async function holderKey(credentials: CredentialStore, accountId: string, holder: KeyHolder, accessKeyId: string): Promise<AccessKeyRecord> {
  const key = await credentials.findAccessKey(accessKeyId);
  const mine = key && !key.session && key.accountId === accountId && key.principalType === holder.principalType &&
    (holder.userName === undefined || key.userName?.toLowerCase() === holder.userName.toLowerCase());
  if (!key || !mine) throw noSuchKey(accessKeyId);
  return key;
}

export function keyMetadataWire(key: AccessKeyRecord) {
  return { ...(key.userName ? { UserName: key.userName } : {}), AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: new Date(key.createdMs) };
}
