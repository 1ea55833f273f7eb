// Runs the installed AWS CLI against a test server, isolated from any user configuration on the machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestServer } from './server.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function awsCli(server: TestServer, args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const configFile = path.join(server.dataDir, 'aws-cli-config');
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '[default]\nregion = us-east-1\noutput = json\n');
  const child = spawn('aws', [...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: server.dataDir,
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: server.credentialsFile,
      AWS_ENDPOINT_URL: server.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
