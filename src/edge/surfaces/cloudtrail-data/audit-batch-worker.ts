// Entry point of a PutAuditEvents ingest thread (see audit-batch-threads.ts).
import { parentPort } from 'node:worker_threads';
import { serveAuditBatches } from './audit-batch-threads.js';

if (parentPort) serveAuditBatches(parentPort);
