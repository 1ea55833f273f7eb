// The bootstrap identity: the root user of the bootstrap account. Its credentials come from the environment, or are
// generated once and written to <data-dir>/credentials in the AWS shared-credentials format, so that the AWS CLI
// and SDKs can use them as they are.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CredentialStore } from '../store/store.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Clock } from '../domain/clock.js';
import { rootArn } from '../domain/caller.js';

export interface BootstrapOptions {
  dataDir: string;
  accountId: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface BootstrapIdentity {
  accessKeyId: string;
  /** Where the generated credentials were written; undefined when they came from the environment. */
  credentialsFile?: string;
}

export const CREDENTIALS_FILE = 'credentials';

export async function ensureBootstrapIdentity(
  options: BootstrapOptions,
  credentials: CredentialStore,
  secrets: SecretBox,
  clock: Clock,
): Promise<BootstrapIdentity> {
  if (options.accessKeyId && options.secretAccessKey) {
    await saveRootKey(options, options.accessKeyId, options.secretAccessKey, credentials, secrets, clock);
    return { accessKeyId: options.accessKeyId };
  }
  if (options.accessKeyId || options.secretAccessKey) {
    throw new Error('Set both OPENTRAIL_ACCESS_KEY_ID and OPENTRAIL_SECRET_ACCESS_KEY, or neither.');
  }
  const file = path.join(options.dataDir, CREDENTIALS_FILE);
  const existing = readSharedCredentials(file);
  if (existing && (await credentials.findAccessKey(existing.accessKeyId))) {
    return { accessKeyId: existing.accessKeyId, credentialsFile: file };
  }
  const generated = existing ?? generateKeyPair();
  await saveRootKey(options, generated.accessKeyId, generated.secretAccessKey, credentials, secrets, clock);
  writeSharedCredentials(file, generated);
  return { accessKeyId: generated.accessKeyId, credentialsFile: file };
}

async function saveRootKey(
  options: BootstrapOptions, accessKeyId: string, secret: string,
  credentials: CredentialStore, secrets: SecretBox, clock: Clock,
): Promise<void> {
  const current = await credentials.findAccessKey(accessKeyId);
  if (current && current.accountId !== options.accountId) {
    throw new Error(`Access key ${accessKeyId} already belongs to account ${current.accountId}.`);
  }
  await credentials.saveAccessKey({
    accessKeyId,
    accountId: options.accountId,
    principalType: 'Root',
    principalId: options.accountId,
    principalArn: rootArn(options.accountId),
    sealedSecret: secrets.seal(secret),
    status: 'Active',
    createdMs: current?.createdMs ?? clock.now().getTime(),
  });
}

interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function generateKeyPair(): KeyPair {
  const id = [...crypto.randomBytes(16)].map((b) => KEY_ID_ALPHABET[b % 32]).join('');
  return { accessKeyId: `AKIA${id}`, secretAccessKey: crypto.randomBytes(30).toString('base64') };
}

function writeSharedCredentials(file: string, pair: KeyPair): void {
  const text = `[default]\naws_access_key_id = ${pair.accessKeyId}\naws_secret_access_key = ${pair.secretAccessKey}\n`;
  fs.writeFileSync(file, text, { mode: 0o600 });
}

export function readSharedCredentials(file: string): KeyPair | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const id = /^\s*aws_access_key_id\s*=\s*(\S+)/m.exec(text)?.[1];
  const secret = /^\s*aws_secret_access_key\s*=\s*(\S+)/m.exec(text)?.[1];
  return id && secret ? { accessKeyId: id, secretAccessKey: secret } : undefined;
}
