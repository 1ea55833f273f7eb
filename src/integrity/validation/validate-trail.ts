// Validates one region's digest chain of a trail and the log files it lists: what `aws cloudtrail validate-logs`
// checks (spec §3.7), with every object fetched and hashed many at a time, and beyond AWS: each link's
// previousDigestHashValue and previousDigestSignature, and the chain's tail against a signed checkpoint, so that
// digests deleted from the end of the chain are reported too.
import { digestFolder, digestKey } from '../../domain/digest/digest-key.js';
import { digestTime } from '../../domain/digest/digest-time.js';
import type { DigestJson } from '../../domain/digest/digest-document.js';
import type { CheckpointStatement, VouchedDigest } from '../../domain/digest/checkpoint-statement.js';
import { checkDigest, parseDigest, type DigestVerdict, type ParsedDigest } from './digest-check.js';
import { Limiter, mapLimit } from './parallel.js';
import type { KeySource, LogFileHash, ObjectSource, TrustedKey } from './sources.js';
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

interface Fetched {
  key: string;
  body?: Buffer | undefined;
  /** The body parsed, once: both the links between digests and each digest's check read it. */
  parsed?: ParsedDigest | undefined;
  signature?: string | undefined;
}

export async function validateTrail(run: ValidationRun): Promise<void> {
  const keys = await digestKeysInRange(run);
  const progress = new Progress(keys.length, run.progress);
  const trusted = await trustedKeys(run);
  const fetched = await mapLimit(keys, run.concurrency, async (key): Promise<Fetched> => {
    const object = await run.objects.read(run.location.bucket, key);
    progress.tick();
    return { key, body: object?.body, parsed: object && parseDigest(object.body), signature: object?.signature };
  });
  fillSignaturesFromLinks(fetched, run.checkpoint, run.location.bucket);
  const verdicts = new Map<string, DigestVerdict>();
  for (const { key, body, parsed, signature } of fetched) {
    if (body) verdicts.set(key, checkDigest({ bucket: run.location.bucket, key, parsed, signature, region: run.location.region, keys: trusted }));
  }
  const byKey = new Map(fetched.map((f) => [f.key, f]));
  // One limit for every log file of every digest: all are queued at once, and hashed while the walk prints.
  const limiter = new Limiter(run.concurrency);
  // Newest first, as AWS walks the chain.
  const newestFirst = fetched.filter((f) => verdicts.has(f.key)).reverse();
  const steps = newestFirst.map((f, i) => {
    const verdict = verdicts.get(f.key)!;
    if (!verdict.valid) return async () => run.report.digestInvalid(run.location.bucket, f.key, verdict.reason);
    const hashes = hashLogFiles(run, verdict.digest, limiter, progress);
    const older = newestFirst[i + 1];
    return async () => {
      reportDigest(run, f.key, verdict.digest, await hashes);
      await checkLink(run, verdict.digest, byKey, verdicts);
      if (verdict.digest.previousDigestS3Object === null && older) {
        run.report.gap(verdicts.get(older.key)!.digest?.digestEndTime ?? keyTime(older.key), verdict.digest.digestStartTime);
      }
    };
  });
  for (const step of steps) await step();
  checkTail(run, byKey, verdicts, run.startMs, run.endMs);
}

/** Counts objects checked; the total grows as valid digests name their log files. */
class Progress {
  #done = 0;
  #total: number;
  readonly #report: ((done: number, total: number) => void) | undefined;

  constructor(total: number, report: ((done: number, total: number) => void) | undefined) {
    this.#total = total;
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

function reportDigest(run: ValidationRun, key: string, digest: DigestJson, hashes: Array<[LogFileEntry, LogFileHash]>): void {
  const { report } = run;
  report.digestValid(run.location.bucket, key, Date.parse(digest.digestStartTime), Date.parse(digest.digestEndTime));
  for (const [file, hash] of hashes) {
    if (hash.kind === 'not-found') report.logFileInvalid(file.s3Bucket, file.s3Object, 'not found');
    else if (hash.kind === 'invalid-format') report.logFileInvalid(file.s3Bucket, file.s3Object, 'invalid format');
    else if (hash.sha256 !== file.hashValue) report.logFileInvalid(file.s3Bucket, file.s3Object, "hash value doesn't match");
    else report.logFileValid(file.s3Bucket, file.s3Object);
  }
}

/** The digests AWS's validator would scan: listed after the key for `start − 1 minute`, up to `end + 1 hour`. */
async function digestKeysInRange(run: ValidationRun): Promise<string[]> {
  const { location, startMs, endMs } = run;
  const folder = digestFolder(location.prefix, location.accountId, location.region);
  const marker = digestKey({ ...location, endMs: startMs - 60_000 });
  const pattern = new RegExp(`^${escape(`${folder}/`)}\\d+/\\d+/\\d+/${escape(`${location.accountId}_CloudTrail-Digest_${location.region}_${location.trailName}_${location.homeRegion}_`)}(.{16})\\.json\\.gz$`);
  const from = digestTime(startMs).replace(/[-:]/g, '');
  const to = digestTime(endMs + HOUR_MS).replace(/[-:]/g, '');
  const keys: string[] = [];
  for (const key of await run.objects.list(location.bucket, folder, marker)) {
    const stamp = pattern.exec(key)?.[1];
    if (stamp === undefined || stamp < from) continue;
    if (stamp > to) break;
    keys.push(key);
  }
  return keys;
}

async function trustedKeys(run: ValidationRun): Promise<Map<string, TrustedKey>> {
  const keys = await run.keys.publicKeys(run.location.region, run.startMs, run.endMs + 2 * HOUR_MS);
  if (keys.length === 0) {
    throw new ValidationSetupError(`No public keys found between ${digestTime(run.startMs)} and ${digestTime(run.endMs + 2 * HOUR_MS)}`);
  }
  return new Map(keys.map((k) => [k.fingerprint, k]));
}

/**
 * Without object metadata (a downloaded copy), a digest's signature is the next digest's previousDigestSignature,
 * or, for the newest one, the checkpoint's. Either is only trusted once that digest's own signature verifies: a
 * forged successor yields a signature that does not verify the digest, never a false "valid".
 */
function fillSignaturesFromLinks(fetched: Fetched[], checkpoint: CheckpointStatement | undefined, bucket: string): void {
  const byKey = new Map(fetched.map((f) => [f.key, f]));
  for (const f of fetched) {
    if (!f.body) continue;
    const link = linkOf(f.parsed);
    const previous = link && link.bucket === bucket ? byKey.get(link.key) : undefined;
    if (previous && previous.signature === undefined && link?.signature) previous.signature = link.signature;
  }
  for (const vouched of vouchedDigests(checkpoint)) {
    const found = vouched.bucket === bucket ? byKey.get(vouched.key) : undefined;
    if (found && found.signature === undefined) found.signature = vouched.signature;
  }
}

/** The digests a checkpoint names: the latest, and every earlier chain's final one. */
function vouchedDigests(checkpoint: CheckpointStatement | undefined): VouchedDigest[] {
  if (!checkpoint) return [];
  const latest = { bucket: checkpoint.digestS3Bucket, key: checkpoint.digestS3Object, endMs: checkpoint.digestEndMs, signature: checkpoint.digestSignature };
  return [...checkpoint.chainEnds, latest];
}

function linkOf(digest: ParsedDigest | undefined): { bucket: string; key: string; signature: string | null } | undefined {
  const parsed = digest?.digest;
  if (!parsed?.previousDigestS3Object || !parsed.previousDigestS3Bucket) return undefined;
  return { bucket: parsed.previousDigestS3Bucket, key: parsed.previousDigestS3Object, signature: parsed.previousDigestSignature };
}

/** The previous digest must exist, and (beyond AWS) hash and signature must be the ones this digest recorded. */
async function checkLink(run: ValidationRun, digest: DigestJson, byKey: Map<string, Fetched>, verdicts: Map<string, DigestVerdict>): Promise<void> {
  const { previousDigestS3Bucket: bucket, previousDigestS3Object: key } = digest;
  if (!bucket || !key) return;
  const stamp = keyTime(key);
  if (stamp < digestTime(run.startMs)) return;
  let previous = byKey.get(key);
  if (!previous || bucket !== run.location.bucket) {
    const object = await run.objects.read(bucket, key);
    previous = { key, body: object?.body, signature: object?.signature };
  }
  if (!previous.body) {
    run.report.digestInvalid(bucket, key, 'not found');
    return;
  }
  const verdict = verdicts.get(key);
  if (verdict?.valid && (verdict.sha256 !== digest.previousDigestHashValue || verdict.signature !== digest.previousDigestSignature)) {
    run.report.digestInvalid(run.location.bucket, digest.digestS3Object, 'previous digest hash or signature does not match the previous digest');
  }
}

/**
 * Beyond AWS: the digests the checkpoint names — the latest, and each earlier chain's final one, which no later
 * digest points to — must still be there, as signed then.
 */
function checkTail(run: ValidationRun, byKey: Map<string, Fetched>, verdicts: Map<string, DigestVerdict>, startMs: number, endMs: number): void {
  const { checkpoint, report } = run;
  if (!checkpoint) return;
  const when = digestTime(checkpoint.checkpointMs);
  const { location } = run;
  // Only what the listing of the trail's current bucket and prefix can show is judged here: a chain ended under an
  // earlier bucket or prefix is not missing because this listing does not hold it.
  const folder = `${digestFolder(location.prefix, location.accountId, location.region)}/`;
  for (const vouched of vouchedDigests(checkpoint)) {
    if (vouched.endMs < startMs || vouched.endMs > endMs + HOUR_MS || vouched.bucket !== location.bucket) continue;
    if (!vouched.key.startsWith(folder)) continue;
    const what = vouched.key === checkpoint.digestS3Object ? 'the latest digest' : 'the final digest of an earlier chain';
    if (!byKey.get(vouched.key)?.body) {
      report.digestInvalid(vouched.bucket, vouched.key, `not found (${what} at the signed checkpoint of ${when}: digests were deleted from the end of a chain)`);
      continue;
    }
    const verdict = verdicts.get(vouched.key);
    if (verdict?.valid && verdict.signature !== vouched.signature.toLowerCase()) {
      report.digestInvalid(vouched.bucket, vouched.key, `not ${what} the signed checkpoint of ${when} names`);
    }
  }
}

/** `YYYY-MM-DDTHH:MM:SSZ` of a digest key's 16-character end time. */
function keyTime(key: string): string {
  const stamp = key.slice(-24, -8);
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

export class ValidationSetupError extends Error {}
