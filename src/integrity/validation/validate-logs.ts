// `opentrail validate-logs`: AWS's options, verdicts, streams and exit codes (spec §3.7), in any of three modes
// (./backends.ts), plus the tail-truncation check against a signed checkpoint.
import { digestTime } from '../../domain/digest/digest-time.js';
import type { CheckpointStatement } from '../../domain/digest/checkpoint-statement.js';
import { verifiedCheckpoint } from './checkpoint-check.js';
import { openBackend, type ValidationBackend, type ValidationMode } from './backends.js';
import { validateTrail, ValidationSetupError, type TrailLocation } from './validate-trail.js';
import { ValidationReport, type Line } from './validation-report.js';

export type { ValidationMode };

const TRAIL_ARN = /^arn:.+:cloudtrail:.+:\d{12}:trail\/.+$/;

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
  /** A file from `opentrail export-checkpoint`; otherwise the mode's own checkpoint, if it has one. */
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
  let backend: ValidationBackend | undefined;
  try {
    backend = await openBackend(settings.mode, region);
    const destination = settings.s3Bucket ? { bucket: settings.s3Bucket, prefix: settings.s3Prefix || undefined } : await backend.destination(trailArn);
    if (!destination) return fail(`A trail could not be found for ${trailArn}`);
    const location: TrailLocation = {
      ...destination,
      accountId: settings.accountId ?? arnAccount,
      trailName: trailArn.slice(trailArn.lastIndexOf('/') + 1),
      homeRegion,
      region,
    };
    emit({ stream: 'stdout', text: `Validating log files for trail ${trailArn} between ${digestTime(startMs)} and ${digestTime(endMs)}\n\n` });
    const report = new ValidationReport(settings.verbose, emit);
    const checkpoint = await checkpointOf(settings, backend, region, report);
    await validateTrail({
      location, startMs, endMs, objects: backend.objects, keys: backend.keys, report, checkpoint,
      concurrency: settings.concurrency, progress: settings.progress,
    });
    emit({ stream: 'stdout', text: report.summary(startMs, endMs) });
    return report.failed ? 1 : 0;
  } catch (err) {
    // As AWS's validator, which re-raises S3 errors other than NoSuchKey: the run stops, with the reason.
    return fail(err instanceof ValidationSetupError ? err.message : `validate-logs failed: ${(err as Error).message}`);
  } finally {
    await backend?.close();
  }
}

/** The region's checkpoint, verified; a missing one is said on stderr, so that nobody relies on its check. */
async function checkpointOf(
  settings: ValidateLogsSettings, backend: ValidationBackend, region: string, report: ValidationReport,
): Promise<CheckpointStatement | undefined> {
  if (!settings.checkpoint) return undefined;
  const wires = settings.checkpointFile
    ? (await import('./key-files.js')).readCheckpointFile(settings.checkpointFile)
    : await backend.checkpoints(settings.trailArn);
  if (typeof wires === 'string') {
    settings.emit({ stream: 'stderr', text: `No signed checkpoint (${wires}): digests deleted from the end of the chain cannot be detected.\n\n` });
    return undefined;
  }
  const wire = wires.find((w) => w.TrailARN === settings.trailArn && w.Region === region);
  if (!wire) return undefined;
  const statement = await verifiedCheckpoint(wire, backend.keys);
  if (!statement) report.problem(`Checkpoint\t${settings.trailArn} ${region}\tINVALID: signature verification failed`);
  return statement;
}
