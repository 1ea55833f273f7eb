// Reads a trail's delivered log files back through the built-in S3 endpoint with the AWS CLI (`aws s3 ls
// --recursive`, `aws s3 cp`), the way a user would, and checks each file's framing on the way.
import fs from 'node:fs';
import path from 'node:path';
import type { CloudTrailRecord } from '../../src/domain/record.js';
import { awsCli } from './aws-cli.js';
import type { TestServer } from './server.js';
import { gunzipFirstMember } from './single-member-gunzip.js';

export interface LogFile {
  key: string;
  body: string;
  records: CloudTrailRecord[];
}

export async function cli(server: TestServer, args: readonly string[], region = 'us-east-1'): Promise<string> {
  const result = await awsCli(server, [...args, '--region', region]);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

export async function listKeys(server: TestServer, bucket: string): Promise<string[]> {
  const out = await cli(server, ['s3', 'ls', '--recursive', `s3://${bucket}/`]);
  // `2025-06-01 08:30:16       1234 audit/AWSLogs/…`: keys have no spaces, so the key is the fourth column.
  return out.split('\n').filter((line) => line.trim() !== '').map((line) => line.trim().split(/\s+/).slice(3).join(' '));
}

/** Every file in the bucket; a file read once is not read again (delivered files never change). */
export class DeliveredLogs {
  readonly files = new Map<string, LogFile>();

  constructor(
    private readonly server: TestServer,
    readonly bucket: string,
  ) {}

  /** Reads the log files not read yet; digest files beside them are left out. */
  async refresh(): Promise<LogFile[]> {
    for (const key of await listKeys(this.server, this.bucket)) {
      if (!this.files.has(key) && !key.includes('/CloudTrail-Digest/')) this.files.set(key, await this.#fetch(key));
    }
    return [...this.files.values()];
  }

  records(): CloudTrailRecord[] {
    return [...this.files.values()].flatMap((file) => file.records);
  }

  async #fetch(key: string): Promise<LogFile> {
    const local = path.join(this.server.dataDir, `download-${this.files.size}.json.gz`);
    await cli(this.server, ['s3', 'cp', `s3://${this.bucket}/${key}`, local, '--quiet']);
    const member = gunzipFirstMember(fs.readFileSync(local));
    if (member.trailingBytes !== 0) throw new Error(`${key}: ${member.trailingBytes} bytes after the first gzip member`);
    const body = member.body.toString('utf8');
    return { key, body, records: (JSON.parse(body) as { Records: CloudTrailRecord[] }).Records };
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
