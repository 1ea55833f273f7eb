// What an application configures when it creates an OpentrailClient, and the defaults it gets otherwise. Limits
// follow the server's PutRecords contract (1000 records, 5 MiB a call) and CloudTrail's 256 KB record cap.
import { errorReport, type ErrorReport } from './error-report.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Called before each signature, so that rotating credentials are picked up. */
export type CredentialsProvider = () => Promise<Credentials>;

export interface BatchOptions {
  /** Records per PutRecords call (1–1000). Default 1000: a call's signature and round trip are shared by more records. */
  maxRecords?: number;
  /** Request body bytes per call (up to 5 MiB). Default 1 MiB. */
  maxBytes?: number;
  /** The longest a record waits for its batch to fill before it is sent anyway. Default 1000 ms. */
  maxDelayMs?: number;
}

export interface RetryOptions {
  /** First back-off ceiling; doubles with each failed attempt. Default 100 ms. */
  baseDelayMs?: number;
  /** Back-off ceiling. Default 20 s. */
  maxDelayMs?: number;
  /** One PutRecords call's time limit. Default 10 s. */
  requestTimeoutMs?: number;
}

export interface SpoolOptions {
  /** Folder of the append-only spool files; created if missing. One client process at a time may use it. */
  dir: string;
  /** Total spool size; records beyond it are dropped (`spool_full`). Default 512 MiB. */
  maxBytes?: number;
  /** Size at which a spool file is closed and the next one begun. Default 8 MiB. */
  segmentBytes?: number;
}

export interface ClientOptions {
  /** opentrail's URL. Default: `OPENTRAIL_ENDPOINT`, else `http://127.0.0.1:4590`. */
  endpoint?: string;
  /** Region requests are signed for, and `awsRegion` of records that name none. Default `AWS_REGION` or `us-east-1`. */
  region?: string;
  /** Default: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. */
  credentials?: Credentials | CredentialsProvider;
  /** `eventSource` of records that name none. */
  eventSource?: string;
  /** `recipientAccountId` of records that name none; the server uses the caller's account otherwise. */
  recipientAccountId?: string;
  batch?: BatchOptions;
  retry?: RetryOptions;
  /** Records held in memory waiting to be sent (or written to the spool); beyond it they are dropped (`buffer_full`). Default 10,000. */
  maxBufferedRecords?: number;
  /** Write every record to disk before sending it, so that records survive an outage and a process restart. */
  spool?: SpoolOptions;
  /** Told about failures the client handles itself (outages, rejected records). Default: a process warning at most once a minute. */
  onError?: (error: Error) => void;
}

export interface ResolvedOptions {
  endpoint: URL;
  region: string;
  credentials: Credentials | CredentialsProvider;
  eventSource: string | undefined;
  recipientAccountId: string | undefined;
  batch: Required<BatchOptions>;
  retry: Required<RetryOptions>;
  maxBufferedRecords: number;
  spool: Required<SpoolOptions> | undefined;
  /** onError, or the default warning: see error-report.ts. */
  report: ErrorReport;
}

export const CALL_LIMITS = { maxRecords: 1000, maxBytes: 5 * 1024 * 1024 };
export const MAX_RECORD_BYTES = 256 * 1024;

export function resolveClientOptions(options: ClientOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const credentials = options.credentials ?? credentialsFromEnv(env);
  if (!credentials) {
    throw new Error('opentrail client: no credentials; pass `credentials` or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  const batch = {
    maxRecords: within('batch.maxRecords', options.batch?.maxRecords ?? CALL_LIMITS.maxRecords, 1, CALL_LIMITS.maxRecords),
    maxBytes: within('batch.maxBytes', options.batch?.maxBytes ?? 1024 * 1024, MAX_RECORD_BYTES + 64, CALL_LIMITS.maxBytes),
    maxDelayMs: within('batch.maxDelayMs', options.batch?.maxDelayMs ?? 1000, 0, 3_600_000),
  };
  const retry = {
    baseDelayMs: within('retry.baseDelayMs', options.retry?.baseDelayMs ?? 100, 1, 3_600_000),
    maxDelayMs: within('retry.maxDelayMs', options.retry?.maxDelayMs ?? 20_000, 1, 3_600_000),
    requestTimeoutMs: within('retry.requestTimeoutMs', options.retry?.requestTimeoutMs ?? 10_000, 1, 3_600_000),
  };
  return {
    endpoint: new URL(options.endpoint ?? env.OPENTRAIL_ENDPOINT ?? 'http://127.0.0.1:4590'),
    region: options.region ?? env.AWS_REGION ?? 'us-east-1',
    credentials,
    eventSource: options.eventSource,
    recipientAccountId: options.recipientAccountId,
    batch,
    retry,
    maxBufferedRecords: within('maxBufferedRecords', options.maxBufferedRecords ?? 10_000, 1, Number.MAX_SAFE_INTEGER),
    spool: options.spool && {
      dir: options.spool.dir,
      maxBytes: within('spool.maxBytes', options.spool.maxBytes ?? 512 * 1024 * 1024, MAX_RECORD_BYTES, Number.MAX_SAFE_INTEGER),
      segmentBytes: within('spool.segmentBytes', options.spool.segmentBytes ?? 8 * 1024 * 1024, 1024, Number.MAX_SAFE_INTEGER),
    },
    report: errorReport(options.onError, 60_000),
  };
}

function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

function within(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`opentrail client: ${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}
