// Where a log file goes (spec §2.2). The 16-character unique part is derived from what the file holds rather than
// drawn at random, so that a delivery re-run after a crash writes the very same key instead of a second file.
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UNIQUE_LENGTH = 16;

/** What one file's contents are determined by; two files never share all of it. */
export interface LogFileIdentity {
  trailArn: string;
  accountId: string;
  region: string;
  firstSeq: number;
  lastSeq: number;
}

export interface LogFileLocation {
  /** The trail's S3KeyPrefix; absent or empty for none. */
  prefix?: string | undefined;
  accountId: string;
  region: string;
  /** The file timestamp: the date folders and the file name's minute. */
  fileTimeMs: number;
  unique: string;
}

export function logFileUnique(identity: LogFileIdentity): string {
  const { trailArn, accountId, region, firstSeq, lastSeq } = identity;
  const digest = crypto.createHash('sha256').update(`${trailArn}\n${accountId}\n${region}\n${firstSeq}\n${lastSeq}`).digest();
  let unique = '';
  for (let i = 0; i < UNIQUE_LENGTH; i++) unique += ALPHABET[digest[i]! % ALPHABET.length];
  return unique;
}

export function logFileKey(location: LogFileLocation): string {
  const { prefix, accountId, region, fileTimeMs, unique } = location;
  const iso = new Date(fileTimeMs).toISOString();
  const [yyyy, mm, dd, hh, min] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16)];
  // validate-logs joins the prefix with exactly one '/', whatever the prefix ends with (spec §3.7).
  const root = prefix ? `${prefix}/` : '';
  const name = `${accountId}_CloudTrail_${region}_${yyyy}${mm}${dd}T${hh}${min}Z_${unique}.json.gz`;
  return `${root}AWSLogs/${accountId}/CloudTrail/${region}/${yyyy}/${mm}/${dd}/${name}`;
}
