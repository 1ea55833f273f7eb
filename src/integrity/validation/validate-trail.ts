// Validates one region's digest chain of a trail and the log files it lists: what `aws cloudtrail validate-logs`
// checks (spec §3.7), the chain followed into the buckets and prefixes UpdateTrail moved it from (./chain-digests.ts),
// with every object fetched and hashed many at a time; and beyond AWS: each link's previousDigestHashValue and
// previousDigestSignature, and the chain's tail against a signed checkpoint, so that digests deleted from the end of
// the chain are reported too.
import { digestTime } from '../../domain/digest/digest-time.js';
import type { DigestJson } from '../../domain/digest/digest-document.js';
import type { CheckpointStatement } from '../../domain/digest/checkpoint-statement.js';
import { gatherDigests, vouchedInRange, type DigestPool, type Fetched } from './chain-digests.js';
import { Limiter } from './parallel.js';
import type { KeySource, LogFileHash, ObjectSource, TrustedKey } from './sources.js';
import { keyTime } from './trail-digest-keys.js';
import type { ValidationReport } from './validation-report.js';

export interface TrailLocation {
  bucket: string;
  prefix?: string | undefined;
  accountId: string;
  trailName: string;
  homeRegion: string;
  /** The region whose digests are validated. */
  region: string;
}

export interface ValidationRun {
  location: TrailLocation;
  startMs: number;
  endMs: number;
  objects: ObjectSource;
  keys: KeySource;
  report: ValidationReport;
  /** The latest digest opentrail vouched for, already verified; absent when none is known. */
  checkpoint?: CheckpointStatement | undefined;
  concurrency: number;
  /** Called once per object checked, for a progress bar; `total` grows as log files become known. */
  progress?: (done: number, total: number) => void;
}

const HOUR_MS = 3_600_000;

export async function validateTrail(run: ValidationRun): Promise<void> {
  const progress = new Progress(run.progress);
  const trusted = await trustedKeys(run);
  const pool = await gatherDigests(run, trusted, progress);
  // One limit for every log file of every digest: all are queued at once, and hashed while the walk prints.
  const limiter = new Limiter(run.concurrency);
  const newestFirst = pool.newestFirst();
  const steps = newestFirst.map((f, i) => {
    const verdict = f.verdict!;
    if (!verdict.valid) return async () => run.report.digestInvalid(f.bucket, f.key, verdict.reason);
    const hashes = hashLogFiles(run, verdict.digest, limiter, progress);
    const older = newestFirst[i + 1];
    return async () => {
      reportDigest(run, f, verdict.digest, await hashes);
      await checkLink(run, verdict.digest, pool);
      if (verdict.digest.previousDigestS3Object === null && older) {
        run.report.gap(older.verdict!.digest?.digestEndTime ?? keyTime(older.key), verdict.digest.digestStartTime);
      }
    };
  });
  for (const step of steps) await step();
  checkTail(run, pool);
}

/** Counts objects checked; the total grows as digests are listed and valid digests name their log files. */
class Progress {
  #done = 0;
  #total = 0;
  readonly #report: ((done: number, total: number) => void) | undefined;

  constructor(report: ((done: number, total: number) => void) | undefined) {
    this.#report = report;
  }

  add(count: number): void {
    this.#total += count;
  }

  tick(): void {
    this.#report?.(++this.#done, this.#total);
  }
}

type LogFileEntry = DigestJson['logFiles'][number];

function hashLogFiles(run: ValidationRun, digest: DigestJson, limiter: Limiter, progress: Progress): Promise<Array<[LogFileEntry, LogFileHash]>> {
  const files = Array.isArray(digest.logFiles) ? digest.logFiles : [];
  progress.add(files.length);
  const { objects } = run;
  const hashes = Promise.all(files.map((file) => {
    const reason = objects.cannotRead?.(file.s3Bucket);
    if (reason) {
      progress.tick();
      return [file, { kind: 'unreadable', reason }] as [LogFileEntry, LogFileHash];
    }
    let now: LogFileHash | undefined;
    try {
      now = objects.hashLogFileNow?.(file.s3Bucket, file.s3Object);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    if (now) {
      progress.tick();
      return [file, now] as [LogFileEntry, LogFileHash];
    }
    return limiter.run(async (): Promise<[LogFileEntry, LogFileHash]> => {
      const hash = await objects.hashLogFile(file.s3Bucket, file.s3Object);
      progress.tick();
      return [file, hash];
    });
  }));
  // A failure surfaces when its digest's turn comes in the walk; until then it must not count as unhandled.
  hashes.catch(() => undefined);
  return hashes;
}

function reportDigest(run: ValidationRun, { bucket, key }: Fetched, digest: DigestJson, hashes: Array<[LogFileEntry, LogFileHash]>): void {
  const { report } = run;
  report.digestValid(bucket, key, Date.parse(digest.digestStartTime), Date.parse(digest.digestEndTime));
  for (const [file, hash] of hashes) {
    if (hash.kind === 'unreadable') report.logFileInvalid(file.s3Bucket, file.s3Object, hash.reason);
    else if (hash.kind === 'not-found') report.logFileInvalid(file.s3Bucket, file.s3Object, 'not found');
    else if (hash.kind === 'invalid-format') report.logFileInvalid(file.s3Bucket, file.s3Object, 'invalid format');
    else if (hash.sha256 !== file.hashValue) report.logFileInvalid(file.s3Bucket, file.s3Object, "hash value doesn't match");
    else report.logFileValid(file.s3Bucket, file.s3Object);
  }
}

async function trustedKeys(run: ValidationRun): Promise<Map<string, TrustedKey>> {
  const keys = await run.keys.publicKeys(run.location.region, run.startMs, run.endMs + 2 * HOUR_MS);
  if (keys.length === 0) {
    throw new ValidationSetupError(`No public keys found between ${digestTime(run.startMs)} and ${digestTime(run.endMs + 2 * HOUR_MS)}`);
  }
  return new Map(keys.map((k) => [k.fingerprint, k]));
}

/**
 * The previous digest must exist, wherever it lies (UpdateTrail may have moved the chain to another bucket or
 * prefix), and (beyond AWS) hash and signature must be the ones this digest recorded.
 */
async function checkLink(run: ValidationRun, digest: DigestJson, pool: DigestPool): Promise<void> {
  const { previousDigestS3Bucket: bucket, previousDigestS3Object: key } = digest;
  if (!bucket || !key || keyTime(key) < digestTime(run.startMs)) return;
  const unreadable = run.objects.cannotRead?.(bucket);
  if (unreadable) {
    run.report.digestInvalid(bucket, key, unreadable);
    return;
  }
  // Listed at its place, or else not named as the trail's digests are: read it to be sure it is not there.
  const previous = pool.get(bucket, key) ?? { body: (await run.objects.read(bucket, key))?.body, verdict: undefined };
  if (!previous.body) {
    run.report.digestInvalid(bucket, key, 'not found');
    return;
  }
  const { verdict } = previous;
  if (verdict?.valid && (verdict.sha256 !== digest.previousDigestHashValue || verdict.signature !== digest.previousDigestSignature)) {
    run.report.digestInvalid(digest.digestS3Bucket, digest.digestS3Object, 'previous digest hash or signature does not match the previous digest');
  }
}

/**
 * Beyond AWS: the digests the checkpoint names — the latest, and each earlier chain's final one, which no later
 * digest points to — must still be there, as signed then, under whichever bucket and prefix they were written to.
 */
function checkTail(run: ValidationRun, pool: DigestPool): void {
  const { checkpoint, report } = run;
  if (!checkpoint) return;
  const when = digestTime(checkpoint.checkpointMs);
  for (const vouched of vouchedInRange(run)) {
    const what = vouched.key === checkpoint.digestS3Object ? 'the latest digest' : 'the final digest of an earlier chain';
    const unreadable = run.objects.cannotRead?.(vouched.bucket);
    const found = pool.get(vouched.bucket, vouched.key);
    if (unreadable) report.digestInvalid(vouched.bucket, vouched.key, `${unreadable} (${what} at the signed checkpoint of ${when})`);
    else if (!found?.body) {
      report.digestInvalid(vouched.bucket, vouched.key, `not found (${what} at the signed checkpoint of ${when}: digests were deleted from the end of a chain)`);
    } else if (found.verdict?.valid && found.verdict.signature !== vouched.signature.toLowerCase()) {
      report.digestInvalid(vouched.bucket, vouched.key, `not ${what} the signed checkpoint of ${when} names`);
    }
  }
}

export class ValidationSetupError extends Error {}
