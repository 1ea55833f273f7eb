// An AWS SDK v3 S3 client aimed at a test server's built-in S3 endpoint (path style).
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestServer } from './server.js';
import type { Credentials } from './accounts.js';

export function s3Client(
  server: TestServer,
  options: { region?: string; credentials?: Credentials; followRegionRedirects?: boolean } = {},
): S3Client {
  return new S3Client({
    endpoint: server.url,
    region: options.region ?? 'us-east-1',
    forcePathStyle: true,
    credentials: options.credentials ?? server.credentials,
    maxAttempts: 1,
    ...(options.followRegionRedirects ? { followRegionRedirects: true } : {}),
  });
}

/** Creates buckets in us-east-1 with the given (or the server's) credentials. */
export async function createBuckets(server: TestServer, buckets: readonly string[], credentials?: Credentials): Promise<void> {
  const s3 = s3Client(server, credentials ? { credentials } : {});
  try {
    for (const bucket of buckets) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    s3.destroy();
  }
}
