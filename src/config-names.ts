// The operator contract's names and defaults (design.md), without the schema that checks values: what a command
// that must start fast (validate-logs) needs to know, kept apart from config.ts so that it does not load zod.

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4590,
  dataDir: './.opentrail',
  logFileInterval: 300,
  digestInterval: 3600,
  keyRotationInterval: 2_592_000,
  retentionDays: 90,
  role: 'all',
  accountId: '123456789012',
  logLevel: 'info',
  auditEventsInHistory: true,
  auditEventsToTrails: true,
} as const;

export const ENV = {
  dataDir: 'OPENTRAIL_DATA_DIR',
  host: 'OPENTRAIL_HOST',
  port: 'OPENTRAIL_PORT',
  logFileInterval: 'OPENTRAIL_LOG_FILE_INTERVAL',
  digestInterval: 'OPENTRAIL_DIGEST_INTERVAL',
  keyRotationInterval: 'OPENTRAIL_KEY_ROTATION_INTERVAL',
  retentionDays: 'OPENTRAIL_RETENTION_DAYS',
  role: 'OPENTRAIL_ROLE',
  accountId: 'OPENTRAIL_ACCOUNT_ID',
  accessKeyId: 'OPENTRAIL_ACCESS_KEY_ID',
  secretAccessKey: 'OPENTRAIL_SECRET_ACCESS_KEY',
  databaseUrl: 'OPENTRAIL_DATABASE_URL',
  s3Endpoint: 'OPENTRAIL_S3_ENDPOINT',
  s3AccessKeyId: 'OPENTRAIL_S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'OPENTRAIL_S3_SECRET_ACCESS_KEY',
  s3Region: 'OPENTRAIL_S3_REGION',
  logLevel: 'OPENTRAIL_LOG_LEVEL',
  auditEventsInHistory: 'OPENTRAIL_AUDIT_EVENTS_IN_HISTORY',
  auditEventsToTrails: 'OPENTRAIL_AUDIT_EVENTS_TO_TRAILS',
} as const;
