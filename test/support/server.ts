// Starts a real opentrail on a free loopback port in a temp data dir, for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startOpentrail, type RunningOpentrail, type StartOptions } from '../../src/app.js';
import { resolveConfig, type OpentrailConfig } from '../../src/config.js';
import { readSharedCredentials } from '../../src/services/bootstrap-identity.js';

export interface TestServer extends RunningOpentrail {
  dataDir: string;
  credentialsFile: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export function tempDir(prefix = 'opentrail-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  overrides: Partial<OpentrailConfig> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const config = resolveConfig({ port: 0, logLevel: 'silent', ...overrides, dataDir }, {});
  const running = await startOpentrail(config, options);
  const credentialsFile = path.join(dataDir, 'credentials');
  const credentials = readSharedCredentials(credentialsFile);
  if (!credentials) throw new Error('the server wrote no credentials file');
  return { ...running, dataDir, credentialsFile, credentials };
}
