// The digest file's JSON (spec §3.3): every field in AWS's order, the nullable ones present as null, because the
// CLI indexes some of them directly and custom validators read all of them.
import { digestTime } from './digest-time.js';

export const SIGNATURE_ALGORITHM = 'SHA256withRSA';
export const HASH_ALGORITHM = 'SHA-256';

export interface DigestedLogFile {
  bucket: string;
  key: string;
  /** Lower-case hex SHA-256 of the uncompressed bytes. */
  sha256: string;
  oldestEventMs: number;
  newestEventMs: number;
}

/** The previous digest of the chain, as the next one links to it. */
export interface DigestLink {
  bucket: string;
  key: string;
  /** Lower-case hex SHA-256 of its uncompressed bytes. */
  sha256: string;
  /** Hex, as in its `x-amz-meta-signature`. */
  signature: string;
}

export interface DigestContent {
  accountId: string;
  startMs: number;
  endMs: number;
  bucket: string;
  key: string;
  fingerprint: string;
  /** Absent for a starting digest. */
  previous?: DigestLink | undefined;
  logFiles: readonly DigestedLogFile[];
}

export interface DigestLogFileJson {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: string;
  newestEventTime: string;
  oldestEventTime: string;
}

export interface DigestJson {
  awsAccountId: string;
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: string;
  newestEventTime: string | null;
  oldestEventTime: string | null;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  previousDigestSignature: string | null;
  logFiles: DigestLogFileJson[];
}

export function digestJson(content: DigestContent): DigestJson {
  const { previous, logFiles } = content;
  const oldest = Math.min(...logFiles.map((f) => f.oldestEventMs));
  const newest = Math.max(...logFiles.map((f) => f.newestEventMs));
  return {
    awsAccountId: content.accountId,
    digestStartTime: digestTime(content.startMs),
    digestEndTime: digestTime(content.endMs),
    digestS3Bucket: content.bucket,
    digestS3Object: content.key,
    digestPublicKeyFingerprint: content.fingerprint,
    digestSignatureAlgorithm: SIGNATURE_ALGORITHM,
    newestEventTime: logFiles.length > 0 ? digestTime(newest) : null,
    oldestEventTime: logFiles.length > 0 ? digestTime(oldest) : null,
    previousDigestS3Bucket: previous?.bucket ?? null,
    previousDigestS3Object: previous?.key ?? null,
    previousDigestHashValue: previous?.sha256 ?? null,
    previousDigestHashAlgorithm: previous ? HASH_ALGORITHM : null,
    previousDigestSignature: previous?.signature ?? null,
    logFiles: logFiles.map((f) => ({
      s3Bucket: f.bucket,
      s3Object: f.key,
      hashValue: f.sha256,
      hashAlgorithm: HASH_ALGORITHM,
      newestEventTime: digestTime(f.newestEventMs),
      oldestEventTime: digestTime(f.oldestEventMs),
    })),
  };
}
