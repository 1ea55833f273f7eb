// The compiled ingest-thread script (npm test builds before it runs the tests): tests run from TypeScript sources,
// where no worker script exists, so the server would otherwise check PutAuditEvents calls inline.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AuditBatchThreads } from '../../src/edge/surfaces/cloudtrail-data/audit-batch-threads.js';
import { REPO_ROOT } from './server-process.js';

export function builtAuditBatchWorker(): URL {
  const script = path.join(REPO_ROOT, 'dist/src/edge/surfaces/cloudtrail-data/audit-batch-worker.js');
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  return pathToFileURL(script);
}

export function builtAuditBatchThreads(count = 2): AuditBatchThreads {
  return new AuditBatchThreads(count, builtAuditBatchWorker());
}
