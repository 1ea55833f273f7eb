// IAM users' long-term access keys (AKIA…): at most 2 per user, the secret shown once and kept only sealed.
import type { AccessKeyRecord, CredentialStore } from '../../store/store.js';
import { ServiceError } from '../../errors/service-error.js';

export const ACCESS_KEYS_PER_USER = 2;

export function noSuchKey(accessKeyId: string): ServiceError {
  return new ServiceError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
}

/** The key, when it is one of this user's long-term keys. */
export async function userKey(credentials: CredentialStore, accountId: string, userName: string, accessKeyId: string): Promise<AccessKeyRecord> {
  const key = await credentials.findAccessKey(accessKeyId);
  if (!key || key.session || key.accountId !== accountId || key.principalType !== 'IAMUser' || key.userName?.toLowerCase() !== userName.toLowerCase()) {
    throw noSuchKey(accessKeyId);
  }
  return key;
}

export function keyMetadataWire(key: AccessKeyRecord) {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: new Date(key.createdMs) };
}
