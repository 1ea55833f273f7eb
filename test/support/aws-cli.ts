// Runs the installed AWS CLI against a test server, isolated from any user configuration on the machine.
import fs from 'node:fs';
import path from 'node:path';
import type { TestServer } from './server.js';
import { runCommand, type CliResult } from './run-command.js';

export function awsCli(server: TestServer, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const configFile = path.join(server.dataDir, 'aws-cli-config');
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '[default]\nregion = us-east-1\noutput = json\n');
  return runCommand('aws', args, {
    PATH: process.env.PATH ?? '',
    HOME: server.dataDir,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile,
    AWS_ENDPOINT_URL: server.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...env,
  });
}
