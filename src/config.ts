// The operator contract (design.md): every setting with its flag, environment variable and default. The CLI and the
// tests build an OpentrailConfig only through here, so defaults live in one place.
import { z } from 'zod';
import { DEFAULTS, ENV } from './config-names.js';

// Also imported from here by most of the code; commands that must start fast import config-names.js alone.
export { DEFAULTS, ENV };

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A switch from a flag or an environment variable: true/false, on/off, yes/no, 1/0. */
const onOff = z.union([
  z.boolean(),
  z.enum(['true', 'false', 'on', 'off', 'yes', 'no', '1', '0'], { message: 'must be true or false' })
    .transform((text) => ['true', 'on', 'yes', '1'].includes(text)),
]);

export const configSchema = z.object({
  dataDir: z.string().min(1),
  host: z.string().min(1),
  port: integer(0, 65535),
  logFileInterval: integer(1, 86_400),
  digestInterval: integer(1, 86_400),
  /** Seconds a digest signing key signs before the next one takes over; each stays valid for two intervals. */
  keyRotationInterval: integer(1, 315_360_000),
  retentionDays: integer(1, 36_500),
  role: z.enum(['all', 'api', 'worker']),
  accountId: z.string().regex(/^\d{12}$/, 'must be 12 digits'),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be 16-128 upper-case letters and digits').optional(),
  secretAccessKey: z.string().min(16).optional(),
  databaseUrl: z.string().optional(),
  /** An S3-compatible store for objects instead of the filesystem (path style). */
  s3Endpoint: z.string().url().optional(),
  s3AccessKeyId: z.string().min(1).optional(),
  s3SecretAccessKey: z.string().min(1).optional(),
  s3Region: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** opentrail extensions (docs/producers.md): PutAuditEvents events in Event History, and to trails that select them. */
  auditEventsInHistory: onOff,
  auditEventsToTrails: onOff,
});

export type OpentrailConfig = z.infer<typeof configSchema>;

/** Flags win over environment variables, which win over defaults. */
export function resolveConfig(
  flags: Partial<Record<keyof OpentrailConfig, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): OpentrailConfig {
  const merged: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, variable] of Object.entries(ENV)) {
    const value = env[variable];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) merged[key] = value;
  const parsed = configSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  throw new Error(`Invalid setting ${key} (${ENV[key as keyof typeof ENV] ?? key}): ${issue?.message}`);
}
