// The names a trail's digests of one region have in any bucket and under any prefix (spec §3.2): which listed keys
// are its digests and in which time range, and under which prefix a digest a link points to lies, so that a chain
// continued across UpdateTrail's change of bucket or prefix can be listed there too.
import { digestFolder, digestKey } from '../../domain/digest/digest-key.js';
import { digestTime } from '../../domain/digest/digest-time.js';
import type { ObjectSource } from './sources.js';

export interface TrailDigests {
  accountId: string;
  trailName: string;
  homeRegion: string;
  region: string;
}

/** Where a trail's digests lie: its bucket and key prefix at some time. */
export interface DigestPlace {
  bucket: string;
  prefix?: string | undefined;
}

/** How far past the end of the time range a digest covering it may end: the next hour's digest lists its last files. */
export const DIGEST_REACH_MS = 3_600_000;

/** The digests AWS's validator would scan: listed after the key for `start − 1 minute`, up to `end + 1 hour`. */
export async function digestKeysInRange(
  objects: ObjectSource, trail: TrailDigests, place: DigestPlace, startMs: number, endMs: number,
): Promise<string[]> {
  const folder = digestFolder(place.prefix, trail.accountId, trail.region);
  const marker = digestKey({ ...trail, prefix: place.prefix, endMs: startMs - 60_000 });
  const from = digestTime(startMs).replace(/[-:]/g, '');
  const to = digestTime(endMs + DIGEST_REACH_MS).replace(/[-:]/g, '');
  const pattern = keyPattern(trail);
  const keys: string[] = [];
  for (const key of await objects.list(place.bucket, folder, marker)) {
    const match = pattern.exec(key);
    if (!match || (match[1] ?? '') !== (place.prefix ?? '') || match[2]! < from) continue;
    if (match[2]! > to) break;
    keys.push(key);
  }
  return keys;
}

/** The place of a key named as the trail's digests are; undefined for any other key. */
export function placeOf(trail: TrailDigests, bucket: string, key: string): DigestPlace | undefined {
  const match = keyPattern(trail).exec(key);
  if (!match) return undefined;
  return { bucket, prefix: match[1] || undefined };
}

/** `YYYY-MM-DDTHH:MM:SSZ` of a digest key's 16-character end time. */
export function keyTime(key: string): string {
  const stamp = key.slice(-24, -8);
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

/** Captures the prefix (undefined for none) and the 16-character end time. */
function keyPattern(trail: TrailDigests): RegExp {
  const { accountId, region, trailName, homeRegion } = trail;
  const folder = escape(`AWSLogs/${accountId}/CloudTrail-Digest/${region}/`);
  const name = escape(`${accountId}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_`);
  return new RegExp(`^(?:(.+)/)?${folder}\\d+/\\d+/\\d+/${name}(.{16})\\.json\\.gz$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
