// What `opentrail serve` prints on start: where it listens, where the credentials are, and how to try it.
import type { RunningOpentrail } from '../app.js';

export function startBanner(running: RunningOpentrail, dataDir: string): string {
  if (running.role === 'worker') {
    return [
      `opentrail is listening on ${running.url} as a worker: it answers GET /health, and no API calls`,
      `  data:        ${dataDir}`,
      '  It delivers log files, signs digests, fills event data stores and prunes. Send calls to an api or all process.',
      '',
    ].join('\n');
  }
  const creds = running.identity.credentialsFile;
  const env = [
    creds ? `AWS_SHARED_CREDENTIALS_FILE=${creds}` : 'AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…',
    `AWS_ENDPOINT_URL=${running.url}`,
    'AWS_DEFAULT_REGION=us-east-1',
  ].join(' ');
  return [
    `opentrail is listening on ${running.url}`,
    `  data:        ${dataDir}`,
    creds
      ? `  credentials: ${creds} (root of the bootstrap account, access key ${running.identity.accessKeyId})`
      : `  credentials: from OPENTRAIL_ACCESS_KEY_ID / OPENTRAIL_SECRET_ACCESS_KEY (access key ${running.identity.accessKeyId})`,
    '',
    'Try it:',
    `  ${env} aws cloudtrail describe-trails`,
    `  ${env} aws cloudtrail lookup-events --max-items 5`,
    '',
  ].join('\n');
}
