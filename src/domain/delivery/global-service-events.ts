// Global-service events (IAM, the STS global endpoint, CloudFront, console sign-in) are recorded in us-east-1 only
// since 2021-11-22, and a trail receives them only with IncludeGlobalServiceEvents (spec §2.3, §4.3).
import type { CloudTrailRecord } from '../record.js';

export const GLOBAL_SERVICE_REGION = 'us-east-1';

const GLOBAL_SOURCES: ReadonlySet<string> = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'cloudfront.amazonaws.com',
  'signin.amazonaws.com',
]);

const STS_SOURCE = 'sts.amazonaws.com';
const STS_GLOBAL_HOST = 'sts.amazonaws.com';

export interface GlobalServiceFacts {
  region: string;
  eventSource: string;
}

export function isGlobalServiceEvent(facts: GlobalServiceFacts, record: () => CloudTrailRecord): boolean {
  if (facts.region !== GLOBAL_SERVICE_REGION || !GLOBAL_SOURCES.has(facts.eventSource)) return false;
  return facts.eventSource !== STS_SOURCE || isStsGlobalEndpoint(record());
}

/** STS has regional endpoints too, with the same eventSource; only the host the client called tells them apart. */
function isStsGlobalEndpoint(record: CloudTrailRecord): boolean {
  const tls = record.tlsDetails as { clientProvidedHostHeader?: unknown } | undefined;
  const host = tls?.clientProvidedHostHeader;
  return typeof host !== 'string' || host === STS_GLOBAL_HOST;
}
