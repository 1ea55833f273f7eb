// `opentrail/client`: the Node SDK that sends an application's own CloudTrail-shaped events to opentrail.
// Middleware for Express and Fastify: `opentrail/client/express`, `opentrail/client/fastify`.
export { OpentrailClient, type CloseOptions } from './opentrail-client.js';
export type { AuditEvent } from './audit-record.js';
export type { ClientOptions, BatchOptions, RetryOptions, SpoolOptions, Credentials, CredentialsProvider } from './client-options.js';
export type { ClientStats, DropReason } from './client-stats.js';
export type { CloudTrailRecord, UserIdentity, RecordResource } from '../domain/record.js';
