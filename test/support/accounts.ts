// Extra accounts for integration tests: a root access key of another account, stored the way the bootstrap
// identity is, so that the server authenticates its requests.
import { SecretBox } from '../../src/crypto/secret-box.js';
import { rootArn } from '../../src/domain/caller.js';
import type { TestServer } from './server.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export async function addRootAccount(server: TestServer, accountId: string): Promise<Credentials> {
  const credentials = { accessKeyId: `AKIA${accountId}0000`, secretAccessKey: `secret-of-${accountId}-0123456789abcdef` };
  await server.store.credentials.saveAccessKey({
    accessKeyId: credentials.accessKeyId,
    accountId,
    principalType: 'Root',
    principalId: accountId,
    principalArn: rootArn(accountId),
    sealedSecret: SecretBox.forDataDir(server.dataDir).seal(credentials.secretAccessKey),
    status: 'Active',
    createdMs: Date.now(),
  });
  return credentials;
}
