// Where a digest goes (spec §3.2). The CLI cuts the 16-character end time out of the name by position and compares
// it as a string, and S3 lists keys in byte order, so every part is fixed-width and zero-padded.
import { digestKeyTime } from './digest-time.js';

export interface DigestLocation {
  /** The trail's S3KeyPrefix; absent or empty for none. */
  prefix?: string | undefined;
  accountId: string;
  /** The region whose log files the digest covers. */
  region: string;
  trailName: string;
  homeRegion: string;
  endMs: number;
}

export function digestKey(location: DigestLocation): string {
  const { prefix, accountId, region, trailName, homeRegion, endMs } = location;
  const stamp = digestKeyTime(endMs);
  const [yyyy, mm, dd] = [stamp.slice(0, 4), stamp.slice(4, 6), stamp.slice(6, 8)];
  const root = prefix ? `${prefix}/` : '';
  const name = `${accountId}_CloudTrail-Digest_${region}_${trailName}_${homeRegion}_${stamp}.json.gz`;
  return `${root}AWSLogs/${accountId}/CloudTrail-Digest/${region}/${yyyy}/${mm}/${dd}/${name}`;
}

/** The folder validate-logs lists for one region's digests (spec §3.7 step 5). */
export function digestFolder(prefix: string | undefined, accountId: string, region: string): string {
  return `${prefix ? `${prefix}/` : ''}AWSLogs/${accountId}/CloudTrail-Digest/${region}`;
}
