// `opentrail validate-logs`: validates a trail's digests and log files with `aws cloudtrail validate-logs`'s options,
// verdicts and exit codes, many objects at a time, online (the CloudTrail and S3 APIs of opentrail or of the store
// it writes to) or offline (`--offline DIR` with `--public-keys FILE`), plus the tail-truncation check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type cliProgress from 'cli-progress';
import { DEFAULTS, ENV } from '../config-names.js';
import { validateLogs, type ValidationMode } from '../integrity/validation/validate-logs.js';
import type { Line } from '../integrity/validation/validation-report.js';

interface ValidateFlags {
  trailArn: string;
  startTime: string;
  endTime?: string;
  s3Bucket?: string;
  s3Prefix?: string;
  accountId?: string;
  verbose?: boolean;
  region?: string;
  endpointUrl?: string;
  dataDir?: string;
  direct?: boolean;
  offline?: string;
  publicKeys?: string;
  checkpoint?: string | boolean;
  concurrency: string;
  progress: boolean;
}

export function validateLogsCommand(): Command {
  return new Command('validate-logs')
    .description('Validate a trail\'s digest files and log files (as aws cloudtrail validate-logs, faster, also offline)')
    .requiredOption('--trail-arn <arn>', 'the trail whose files to validate')
    .requiredOption('--start-time <time>', 'validate files from this time (ISO 8601, YYYYMMDDTHHMMSSZ or epoch seconds)')
    .option('--end-time <time>', 'validate files up to this time (default: now)')
    .option('--s3-bucket <bucket>', 'the bucket holding the digests (skips DescribeTrails)')
    .option('--s3-prefix <prefix>', 'the key prefix of the digests, with --s3-bucket')
    .option('--account-id <id>', 'the account whose digests to validate (default: the ARN\'s)')
    .option('--verbose', 'also print a line for every valid file')
    .option('--region <region>', 'the region whose digests to validate and whose public keys to use (default: the trail\'s home region)')
    .option('--endpoint-url <url>', `opentrail's endpoint (default: AWS_ENDPOINT_URL_CLOUDTRAIL, AWS_ENDPOINT_URL, or http://${DEFAULTS.host}:${DEFAULTS.port}); S3 reads AWS_ENDPOINT_URL_S3 first`)
    .option('--data-dir <dir>', `without AWS credentials in the environment, use this data dir's credentials file (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--direct', 'read the data dir\'s object store, keys and checkpoints directly instead of through the API (on the server\'s host; fastest)')
    .option('--offline <dir>', 'validate a downloaded copy of the --s3-bucket bucket (aws s3 sync s3://BUCKET DIR) instead of the service')
    .option('--public-keys <file>', 'with --offline: the public keys, from opentrail export-public-keys')
    .option('--checkpoint <file>', 'a signed checkpoint from opentrail export-checkpoint (online, the service is asked by default)')
    .option('--no-checkpoint', 'skip the tail-truncation check')
    .option('--concurrency <n>', 'objects downloaded and hashed at once', '32')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: ValidateFlags) => {
      process.exitCode = await run(flags);
    });
}

async function run(flags: ValidateFlags): Promise<number> {
  const emit = (line: Line) => (line.stream === 'stdout' ? process.stdout : process.stderr).write(line.text);
  const startMs = parseTime(flags.startTime);
  const endMs = flags.endTime === undefined ? Date.now() : parseTime(flags.endTime);
  const concurrency = Number(flags.concurrency);
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || !Number.isInteger(concurrency) || concurrency < 1) {
    process.stderr.write(`${Number.isNaN(startMs) || Number.isNaN(endMs) ? 'Not a time' : '--concurrency must be a positive whole number'}\n`);
    return 255;
  }
  if (flags.offline && !flags.publicKeys) {
    process.stderr.write('--offline needs --public-keys FILE (written by opentrail export-public-keys)\n');
    return 255;
  }
  // Loaded only when drawn: start-up is much of a short run's time.
  const bar = flags.progress && process.stderr.isTTY && !flags.verbose ? new ProgressBar((await import('cli-progress')).default) : undefined;
  try {
    return await validateLogs({
      trailArn: flags.trailArn,
      startMs,
      endMs,
      region: flags.region,
      s3Bucket: flags.s3Bucket,
      s3Prefix: flags.s3Prefix,
      accountId: flags.accountId,
      verbose: flags.verbose === true,
      mode: await modeOf(flags),
      checkpointFile: typeof flags.checkpoint === 'string' ? flags.checkpoint : undefined,
      checkpoint: flags.checkpoint !== false,
      concurrency,
      emit: bar ? (line) => bar.around(() => emit(line)) : emit,
      progress: bar ? (done, total) => bar.update(done, total) : undefined,
    });
  } finally {
    bar?.stop();
  }
}

/** The bar on stderr, cleared while a verdict line is printed and drawn again below it. */
class ProgressBar {
  readonly #bar: cliProgress.SingleBar;
  #shown = false;
  #done = 0;
  #total = 0;

  constructor(library: typeof cliProgress) {
    this.#bar = new library.SingleBar(
      { format: 'validating [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true, hideCursor: true },
      library.Presets.shades_classic,
    );
  }

  update(done: number, total: number): void {
    this.#done = done;
    this.#total = total;
    if (!this.#shown) {
      this.#bar.start(total, done);
      this.#shown = true;
    }
    this.#bar.setTotal(total);
    this.#bar.update(done);
  }

  around(print: () => void): void {
    const shown = this.#shown;
    this.stop();
    print();
    if (shown && this.#done < this.#total) this.update(this.#done, this.#total);
  }

  stop(): void {
    if (this.#shown) this.#bar.stop();
    this.#shown = false;
  }
}

async function modeOf(flags: ValidateFlags): Promise<ValidationMode> {
  if (flags.offline) return { kind: 'offline', dir: flags.offline, publicKeysFile: flags.publicKeys!, bucket: flags.s3Bucket };
  if (flags.direct) return { kind: 'direct', dataDir: flags.dataDir ?? process.env[ENV.dataDir] ?? DEFAULTS.dataDir };
  const env = process.env;
  const cloudTrailEndpoint = flags.endpointUrl ?? env.AWS_ENDPOINT_URL_CLOUDTRAIL ?? env.AWS_ENDPOINT_URL ?? `http://${DEFAULTS.host}:${DEFAULTS.port}`;
  // One opentrail endpoint serves both APIs, so unlike AWS's validator --endpoint-url also reaches S3 when nothing
  // names an S3 endpoint of its own.
  const s3Endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL ?? cloudTrailEndpoint;
  return { kind: 'online', cloudTrailEndpoint, s3Endpoint, credentials: await credentialsOf(flags) };
}

/** The AWS credential chain when it has anything to go on; otherwise the data dir's generated credentials. */
async function credentialsOf(flags: ValidateFlags) {
  const { CREDENTIALS_FILE, readSharedCredentials } = await import('../services/bootstrap-identity.js');
  const env = process.env;
  const dataDir = flags.dataDir ?? env[ENV.dataDir] ?? DEFAULTS.dataDir;
  const awsConfigured = env.AWS_ACCESS_KEY_ID || env.AWS_SHARED_CREDENTIALS_FILE || env.AWS_PROFILE
    || fs.existsSync(path.join(os.homedir(), '.aws', 'credentials'));
  const local = path.resolve(dataDir, CREDENTIALS_FILE);
  if ((flags.dataDir || !awsConfigured) && fs.existsSync(local)) {
    const pair = readSharedCredentials(local);
    if (pair) return async () => pair;
  }
  // The SDK's chain (environment, shared files, SSO, instance roles), loaded only when it is needed.
  let chain: Promise<() => Promise<import('@smithy/types').AwsCredentialIdentity>> | undefined;
  return async () => {
    chain ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
      const client = new S3Client({ region: 'us-east-1' });
      return () => client.config.credentials();
    });
    return (await chain)();
  };
}

/** ISO 8601, AWS's compact `YYYYMMDDTHHMMSSZ`, or epoch seconds; a time without a zone is UTC. */
function parseTime(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (compact) return Date.UTC(+compact[1]!, +compact[2]! - 1, +compact[3]!, +compact[4]!, +compact[5]!, +compact[6]!);
  const zoned = /(Z|[+-]\d{2}:?\d{2}|UTC|GMT)$/i.test(text) ? text : `${text}Z`;
  return Date.parse(zoned);
}
