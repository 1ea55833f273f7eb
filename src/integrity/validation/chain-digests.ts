// The digests a validation checks. UpdateTrail may move a trail to another bucket or prefix while its chain goes on:
// the first digest at the new place links to the last one at the old. AWS's validator follows such links; so do we,
// and list each place a link (or the checkpoint) leads to over the same time range, so that a digest missing there
// is found as it is at the trail's current place, and the checkpoint's digests are judged wherever they lie.
import type { CheckpointStatement, VouchedDigest } from '../../domain/digest/checkpoint-statement.js';
import { digestTime } from '../../domain/digest/digest-time.js';
import { checkDigest, parseDigest, type DigestVerdict, type ParsedDigest } from './digest-check.js';
import { mapLimit } from './parallel.js';
import type { TrustedKey } from './sources.js';
import { DIGEST_REACH_MS, digestKeysInRange, keyTime, placeOf, type DigestPlace } from './trail-digest-keys.js';
import type { ValidationRun } from './validate-trail.js';

export interface Fetched {
  bucket: string;
  key: string;
  body?: Buffer | undefined;
  /** The body parsed, once: both the links between digests and each digest's check read it. */
  parsed?: ParsedDigest | undefined;
  signature?: string | undefined;
  verdict?: DigestVerdict | undefined;
  /** The signature the verdict was reached with: offline, a later round may still supply one. */
  judgedWith?: string | undefined;
}

export interface Counter {
  add(count: number): void;
  tick(): void;
}

/** Every digest fetched, by bucket and key. */
export class DigestPool {
  readonly #byId = new Map<string, Fetched>();

  get(bucket: string, key: string): Fetched | undefined {
    return this.#byId.get(`${bucket}/${key}`);
  }

  add(fetched: Fetched): void {
    this.#byId.set(`${fetched.bucket}/${fetched.key}`, fetched);
  }

  /** The digests present, newest first (by the end time in their names), as AWS walks a chain. */
  newestFirst(): Fetched[] {
    return [...this.#byId.values()].filter((f) => f.verdict).sort((a, b) => byTime(keyTime(b.key), keyTime(a.key)));
  }

  all(): Iterable<Fetched> {
    return this.#byId.values();
  }
}

/** The digests at the trail's place and at every place its chains lead to, each checked. */
export async function gatherDigests(run: ValidationRun, trusted: ReadonlyMap<string, TrustedKey>, counter: Counter): Promise<DigestPool> {
  const pool = new DigestPool();
  const listed = new Set<string>();
  const unlisted = (places: DigestPlace[]) => uniquePlaces(places).filter((place) => !listed.has(placeId(place)) && !run.objects.cannotRead?.(place.bucket));
  let places = unlisted([run.location, ...vouchedInRange(run).flatMap((v) => placeOf(run.location, v.bucket, v.key) ?? [])]);
  while (places.length > 0) {
    places.forEach((place) => listed.add(placeId(place)));
    await fetchPlaces(run, pool, places, counter);
    fillSignaturesFromLinks(pool, run.checkpoint);
    judge(run, pool, trusted);
    places = unlisted([...pool.all()].flatMap((f) => {
      const link = f.verdict?.valid ? linkOf(f.parsed) : undefined;
      return link && keyTime(link.key) >= digestTime(run.startMs) ? placeOf(run.location, link.bucket, link.key) ?? [] : [];
    }));
  }
  return pool;
}

/** The digests the checkpoint names within the time range. */
export function vouchedInRange(run: ValidationRun): VouchedDigest[] {
  return vouchedDigests(run.checkpoint).filter((v) => v.endMs >= run.startMs && v.endMs <= run.endMs + DIGEST_REACH_MS);
}

async function fetchPlaces(run: ValidationRun, pool: DigestPool, places: DigestPlace[], counter: Counter): Promise<void> {
  const listings = await Promise.all(places.map(async (place) => {
    const keys = await digestKeysInRange(run.objects, run.location, place, run.startMs, run.endMs);
    return keys.map((key) => ({ bucket: place.bucket, key }));
  }));
  const fresh = listings.flat().filter(({ bucket, key }) => !pool.get(bucket, key));
  counter.add(fresh.length);
  await mapLimit(fresh, run.concurrency, async ({ bucket, key }) => {
    const object = await run.objects.read(bucket, key);
    counter.tick();
    pool.add({ bucket, key, body: object?.body, parsed: object && parseDigest(object.body), signature: object?.signature });
  });
}

function judge(run: ValidationRun, pool: DigestPool, keys: ReadonlyMap<string, TrustedKey>): void {
  for (const f of pool.all()) {
    if (!f.body || (f.verdict && f.judgedWith === f.signature)) continue;
    f.verdict = checkDigest({ bucket: f.bucket, key: f.key, parsed: f.parsed, signature: f.signature, region: run.location.region, keys });
    f.judgedWith = f.signature;
  }
}

/**
 * Without object metadata (a downloaded copy), a digest's signature is the next digest's previousDigestSignature,
 * or, for the newest one, the checkpoint's. Either is only trusted once that digest's own signature verifies: a
 * forged successor yields a signature that does not verify the digest, never a false "valid".
 */
function fillSignaturesFromLinks(pool: DigestPool, checkpoint: CheckpointStatement | undefined): void {
  for (const f of pool.all()) {
    const link = linkOf(f.parsed);
    const previous = link && pool.get(link.bucket, link.key);
    if (previous && previous.signature === undefined && link.signature) previous.signature = link.signature;
  }
  for (const vouched of vouchedDigests(checkpoint)) {
    const found = pool.get(vouched.bucket, vouched.key);
    if (found && found.signature === undefined) found.signature = vouched.signature;
  }
}

/** The digests a checkpoint names: the latest, and every earlier chain's final one. */
export function vouchedDigests(checkpoint: CheckpointStatement | undefined): VouchedDigest[] {
  if (!checkpoint) return [];
  const latest = { bucket: checkpoint.digestS3Bucket, key: checkpoint.digestS3Object, endMs: checkpoint.digestEndMs, signature: checkpoint.digestSignature };
  return [...checkpoint.chainEnds, latest];
}

function linkOf(digest: ParsedDigest | undefined): { bucket: string; key: string; signature: string | null } | undefined {
  const parsed = digest?.digest;
  if (!parsed?.previousDigestS3Object || !parsed.previousDigestS3Bucket) return undefined;
  return { bucket: parsed.previousDigestS3Bucket, key: parsed.previousDigestS3Object, signature: parsed.previousDigestSignature };
}

function uniquePlaces(places: DigestPlace[]): DigestPlace[] {
  return [...new Map(places.map((place) => [placeId(place), place])).values()];
}

function placeId(place: DigestPlace): string {
  return `${place.bucket}/${place.prefix ?? ''}`;
}

function byTime(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
