// What a digest's signature covers (spec §3.5): four lines, LF, no trailing newline. The end time is taken verbatim
// from the JSON, and a starting digest's missing previous signature is the four characters `null`.
export interface SignedDigestFacts {
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  /** Lower-case hex SHA-256 of the uncompressed digest bytes. */
  sha256: string;
  previousDigestSignature: string | null;
}

export function digestStringToSign(facts: SignedDigestFacts): string {
  const { digestEndTime, digestS3Bucket, digestS3Object, sha256, previousDigestSignature } = facts;
  return [digestEndTime, `${digestS3Bucket}/${digestS3Object}`, sha256, previousDigestSignature ?? 'null'].join('\n');
}
