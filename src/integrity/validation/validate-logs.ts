// `opentrail validate-logs`: AWS's options, verdicts, streams and exit codes (spec §3.7), online through the
// CloudTrail and S3 APIs or offline on a downloaded copy with exported public keys, plus the tail-truncation check
// against a signed checkpoint.
import type { AwsCredentialIdentity } from '@smithy/types';
import { digestTime } from '../../domain/digest/digest-time.js';
import type { CheckpointStatement } from '../../domain/digest/checkpoint-statement.js';
import { OPENTRAIL_TARGET_PREFIX } from '../../operations/opentrail/opentrail-operations.js';
import type { CheckpointWire } from '../signed-checkpoints.js';
import { verifiedCheckpoint } from './checkpoint-check.js';
import { FolderSource } from './folder-source.js';
import { callJsonApi, type JsonApiSettings } from './json-api-client.js';
import { PublicKeyFileSource, readCheckpointFile, trustedKeyOf } from './key-files.js';
import { S3Source } from './s3-source.js';
import type { KeySource, ObjectSource } from './sources.js';
import { validateTrail, ValidationSetupError, type TrailLocation } from './validate-trail.js';
import { ValidationReport, type Line } from './validation-report.js';

const CLOUDTRAIL_TARGET = 'CloudTrail_20131101';
const TRAIL_ARN = /^arn:.+:cloudtrail:.+:\d{12}:trail\/.+$/;

export type ValidationMode =
  | { kind: 'online'; cloudTrailEndpoint: string; s3Endpoint: string; credentials: () => Promise<AwsCredentialIdentity> }
  | { kind: 'offline'; dir: string; publicKeysFile: string };

export interface ValidateLogsSettings {
  trailArn: string;
  startMs: number;
  endMs: number;
  /** The region whose digests are validated and whose keys are used; default the trail's home region. */
  region?: string | undefined;
  s3Bucket?: string | undefined;
  s3Prefix?: string | undefined;
  accountId?: string | undefined;
  verbose: boolean;
  mode: ValidationMode;
  /** A file from `opentrail export-checkpoint`; online, the checkpoint is otherwise fetched from the service. */
  checkpointFile?: string | undefined;
  checkpoint: boolean;
  concurrency: number;
  emit: (line: Line) => void;
  progress?: ((done: number, total: number) => void) | undefined;
}

/** 0 when everything validated, 1 when anything was invalid, 255 when validation could not run (as AWS's). */
export async function validateLogs(settings: ValidateLogsSettings): Promise<number> {
  const { trailArn, startMs, endMs, emit } = settings;
  const fail = (message: string) => {
    emit({ stream: 'stderr', text: `${message}\n` });
    return 255;
  };
  if (!TRAIL_ARN.test(trailArn)) return fail(`Invalid trail ARN provided: ${trailArn}`);
  if (startMs > endMs) return fail('Invalid time range specified: start-time must occur before end-time');
  const [, , , homeRegion = '', arnAccount = ''] = trailArn.split(':');
  const region = settings.region ?? homeRegion;
  const api = settings.mode.kind === 'online'
    ? { endpoint: settings.mode.cloudTrailEndpoint, region, credentials: settings.mode.credentials }
    : undefined;
  let objects: ObjectSource | undefined;
  try {
    const destination = await destinationOf(settings, api);
    if (!destination) return fail(`A trail could not be found for ${trailArn}`);
    const keys = keySource(settings, api);
    objects = objectSource(settings, region);
    const location: TrailLocation = {
      ...destination,
      accountId: settings.accountId ?? arnAccount,
      trailName: trailArn.slice(trailArn.lastIndexOf('/') + 1),
      homeRegion,
      region,
    };
    emit({ stream: 'stdout', text: `Validating log files for trail ${trailArn} between ${digestTime(startMs)} and ${digestTime(endMs)}\n\n` });
    const report = new ValidationReport(settings.verbose, emit);
    const checkpoint = await checkpointOf(settings, api, keys, region, report);
    await validateTrail({ location, startMs, endMs, objects, keys, report, checkpoint, concurrency: settings.concurrency, progress: settings.progress });
    emit({ stream: 'stdout', text: report.summary(startMs, endMs) });
    return report.failed ? 1 : 0;
  } catch (err) {
    if (err instanceof ValidationSetupError) return fail(err.message);
    throw err;
  } finally {
    objects?.close();
  }
}

async function destinationOf(settings: ValidateLogsSettings, api: JsonApiSettings | undefined): Promise<{ bucket: string; prefix?: string } | undefined> {
  if (settings.s3Bucket) return { bucket: settings.s3Bucket, ...(settings.s3Prefix ? { prefix: settings.s3Prefix } : {}) };
  if (!api) throw new ValidationSetupError('--offline needs --s3-bucket (and --s3-prefix when the trail has one)');
  const { trailList } = (await callJsonApi(api, `${CLOUDTRAIL_TARGET}.DescribeTrails`, {})) as { trailList?: Array<Record<string, unknown>> };
  const trail = (trailList ?? []).find((t) => t.TrailARN === settings.trailArn);
  if (!trail) return undefined;
  const prefix = typeof trail.S3KeyPrefix === 'string' && trail.S3KeyPrefix ? trail.S3KeyPrefix : undefined;
  return { bucket: String(trail.S3BucketName), ...(prefix ? { prefix } : {}) };
}

function keySource(settings: ValidateLogsSettings, api: JsonApiSettings | undefined): KeySource {
  if (settings.mode.kind === 'offline') return new PublicKeyFileSource(settings.mode.publicKeysFile);
  const online = api!;
  return {
    async publicKeys(region, fromMs, toMs) {
      const { PublicKeyList } = (await callJsonApi({ ...online, region }, `${CLOUDTRAIL_TARGET}.ListPublicKeys`, {
        StartTime: Math.floor(fromMs / 1000), EndTime: Math.ceil(toMs / 1000),
      })) as { PublicKeyList?: Array<{ Value: string; Fingerprint: string }> };
      return (PublicKeyList ?? []).map(trustedKeyOf);
    },
  };
}

function objectSource(settings: ValidateLogsSettings, region: string): ObjectSource {
  const { mode } = settings;
  if (mode.kind === 'offline') return new FolderSource(mode.dir);
  return new S3Source({ endpoint: mode.s3Endpoint, region, credentials: mode.credentials, maxAttempts: 3 });
}

/** The region's checkpoint, verified; a missing or unverifiable one is said on stderr, so nobody relies on it. */
async function checkpointOf(
  settings: ValidateLogsSettings, api: JsonApiSettings | undefined, keys: KeySource, region: string, report: ValidationReport,
): Promise<CheckpointStatement | undefined> {
  if (!settings.checkpoint) return undefined;
  let wires: CheckpointWire[];
  if (settings.checkpointFile) wires = readCheckpointFile(settings.checkpointFile);
  else if (api) {
    try {
      wires = ((await callJsonApi(api, `${OPENTRAIL_TARGET_PREFIX}.GetDigestCheckpoint`, { TrailARN: settings.trailArn })) as { Checkpoints: CheckpointWire[] }).Checkpoints;
    } catch (err) {
      settings.emit({ stream: 'stderr', text: `No signed checkpoint (${(err as Error).message}): digests deleted from the end of the chain cannot be detected.\n\n` });
      return undefined;
    }
  } else {
    settings.emit({ stream: 'stderr', text: 'No --checkpoint file: digests deleted from the end of the chain cannot be detected.\n\n' });
    return undefined;
  }
  const wire = wires.find((w) => w.TrailARN === settings.trailArn && w.Region === region);
  if (!wire) return undefined;
  const statement = await verifiedCheckpoint(wire, keys);
  if (!statement) report.problem(`Checkpoint\t${settings.trailArn} ${region}\tINVALID: signature verification failed`);
  return statement;
}
