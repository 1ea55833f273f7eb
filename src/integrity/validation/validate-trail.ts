// Validates one region's digest chain of a trail and the log files it lists: what `aws cloudtrail validate-logs`
// checks (spec §3.7), with every object fetched and hashed many at a time, and beyond AWS: each link's
// previousDigestHashValue and previousDigestSignature, and the chain's tail against a signed checkpoint, so that
// digests deleted from the end of the chain are reported too.
import { digestFolder, digestKey } from '../../domain/digest/digest-key.js';
import { digestTime } from '../../domain/digest/digest-time.js';
import type { DigestJson } from '../../domain/digest/digest-document.js';
import type { CheckpointStatement, VouchedDigest } from '../../domain/digest/checkpoint-statement.js';
import { checkDigest, parseDigest, type DigestVerdict } from './digest-check.js';
import { Limiter, mapLimit } from './parallel.js';
import type { KeySource, ObjectSource, TrustedKey } from './sources.js';
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
  signature?: string | undefined;
}

export async function validateTrail(run: ValidationRun): Promise<void> {
  const { location, startMs, endMs, objects, report } = run;
  const keys = await digestKeysInRange(run);
  let total = keys.length;
  let done = 0;
  const tick = () => run.progress?.(++done, total);
  const trusted = await trustedKeys(run);
  const fetched = await mapLimit(keys, run.concurrency, async (key): Promise<Fetched> => {
    const object = await objects.read(location.bucket, key);
    tick();
    return { key, body: object?.body, signature: object?.signature };
  });
  const byKey = new Map(fetched.map((f) => [f.key, f]));
  fillSignaturesFromLinks(fetched, run.checkpoint, location.bucket);
  const verdicts = new Map<string, DigestVerdict>();
  for (const f of fetched) {
    if (f.body) verdicts.set(f.key, checkDigest({ bucket: location.bucket, key: f.key, body: f.body, signature: f.signature, region: location.region, keys: trusted }));
  }
  // One limit for every log file of every digest: the walk below starts them all at once.
  const limiter = new Limiter(run.concurrency);
  // Newest first, as AWS walks the chain; each valid digest's log files are hashed while the walk goes on.
  const lines: Array<() => Promise<void>> = [];
  const newestFirst = [...fetched].reverse();
  newestFirst.forEach((f, i) => {
    const verdict = verdicts.get(f.key);
    if (!verdict) return;
    if (!verdict.valid) {
      lines.push(async () => report.digestInvalid(location.bucket, f.key, verdict.reason));
      return;
    }
    const { digest } = verdict;
    const files = Array.isArray(digest.logFiles) ? digest.logFiles : [];
    total += files.length;
    const hashes = Promise.all(files.map((file) => limiter.run(async () => {
      const hash = await objects.hashLogFile(file.s3Bucket, file.s3Object);
      tick();
      return hash;
    })));
    // Failures surface when the line is printed, in walk order; until then they must not count as unhandled.
    hashes.catch(() => undefined);
    lines.push(async () => {
      report.digestValid(location.bucket, f.key, Date.parse(digest.digestStartTime), Date.parse(digest.digestEndTime));
      const results = await hashes;
      files.forEach((file, j) => {
        const result = results[j]!;
        if (result.kind === 'not-found') report.logFileInvalid(file.s3Bucket, file.s3Object, 'not found');
        else if (result.kind === 'invalid-format') report.logFileInvalid(file.s3Bucket, file.s3Object, 'invalid format');
        else if (result.sha256 !== file.hashValue) report.logFileInvalid(file.s3Bucket, file.s3Object, "hash value doesn't match");
        else report.logFileValid(file.s3Bucket, file.s3Object);
      });
      await checkLink(run, digest, byKey, verdicts);
      const older = newestFirst.slice(i + 1).find((o) => verdicts.has(o.key));
      if (digest.previousDigestS3Object === null && older) {
        const olderDigest = verdicts.get(older.key)!;
        const olderEnd = olderDigest.digest?.digestEndTime ?? keyTime(older.key);
        report.gap(olderEnd, digest.digestStartTime);
      }
    });
  });
  for (const line of lines) await line();
  checkTail(run, byKey, verdicts, startMs, endMs);
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
    const link = linkOf(f.body);
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

function linkOf(body: Buffer): { bucket: string; key: string; signature: string | null } | undefined {
  const parsed = parseDigest(body)?.digest;
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
  for (const vouched of vouchedDigests(checkpoint)) {
    if (vouched.endMs < startMs || vouched.endMs > endMs + HOUR_MS || vouched.bucket !== run.location.bucket) continue;
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
