// Temporary credentials (STS): an ASIA… key, its secret and a session token, valid until they expire. Only the
// sealed secret and a hash of the token are kept; expired keys stay a day, so that their use is refused as expired
// (ExpiredToken) rather than unknown, then go.
import crypto from 'node:crypto';
import type { AccessKeyRecord, CredentialStore, PrincipalType, SessionGrant } from '../../store/store.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import { newId, newSecretAccessKey, newSessionToken } from './iam-ids.js';

const KEEP_EXPIRED_MS = 24 * 3600 * 1000;

export interface TemporaryPrincipal {
  accountId: string;
  type: PrincipalType;
  principalId: string;
  arn: string;
  userName?: string;
}

export interface IssuedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

export async function issueTemporaryCredentials(
  credentials: CredentialStore,
  secrets: SecretBox,
  principal: TemporaryPrincipal,
  grant: Omit<SessionGrant, 'tokenHash'>,
  expiresMs: number,
): Promise<IssuedCredentials> {
  await credentials.deleteExpiredKeys(grant.issuedMs - KEEP_EXPIRED_MS);
  const secret = newSecretAccessKey();
  const token = newSessionToken();
  const key: AccessKeyRecord = {
    accessKeyId: newId('ASIA'),
    accountId: principal.accountId,
    principalType: principal.type,
    principalId: principal.principalId,
    principalArn: principal.arn,
    ...(principal.userName ? { userName: principal.userName } : {}),
    sealedSecret: secrets.seal(secret),
    status: 'Active',
    createdMs: grant.issuedMs,
    expiresMs,
    session: { ...grant, tokenHash: crypto.createHash('sha256').update(token).digest('hex') },
  };
  await credentials.saveAccessKey(key);
  return { AccessKeyId: key.accessKeyId, SecretAccessKey: secret, SessionToken: token, Expiration: new Date(expiresMs) };
}
