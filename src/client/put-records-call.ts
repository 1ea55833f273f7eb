// One signed PutRecords call (opentrail's bulk ingest, JSON 1.1, SigV4 name `cloudtrail`) and what its answer
// means for the records in it: stored, failed one by one, worth another try, or refused as a whole.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from './node-sha256.js';
import { HttpPoster, type PostAnswer } from './http-post.js';
import type { Credentials, CredentialsProvider } from './client-options.js';

export const PUT_RECORDS_TARGET = 'OpenTrail_20261101.PutRecords';

export interface RecordFailure {
  index: number;
  code: string;
  message: string;
}

export type CallOutcome =
  | { kind: 'answered'; stored: number; failed: RecordFailure[] }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'refused'; code: string; message: string };

// Whole-call errors that say something about the records themselves: retrying the same bytes cannot succeed.
const REFUSALS = new Set(['ValidationException', 'SerializationException', 'RequestEntityTooLarge', 'InvalidRecord']);

export class PutRecordsCall {
  private readonly signer: SignatureV4;
  private readonly poster: HttpPoster;

  constructor(
    private readonly endpoint: URL,
    region: string,
    credentials: Credentials | CredentialsProvider,
    private readonly timeoutMs: number,
    /** PutRecords' `Common` for the lines sent (compact lines), or undefined while there is none. */
    private readonly common: () => string | undefined = () => undefined,
  ) {
    this.signer = new SignatureV4({ service: 'cloudtrail', region, credentials, sha256: NodeSha256 });
    this.poster = new HttpPoster(endpoint);
  }

  async send(lines: readonly string[], abort: AbortSignal): Promise<CallOutcome> {
    const body = requestBody(this.common(), lines);
    let answer: PostAnswer;
    try {
      const headers = await this.signedHeaders(body);
      answer = await this.poster.post(headers, body, AbortSignal.any([abort, AbortSignal.timeout(this.timeoutMs)]));
    } catch (err) {
      return { kind: 'retry', reason: describe(err) };
    }
    return interpret(answer, lines.length);
  }

  close(): void {
    this.poster.close();
  }

  private async signedHeaders(body: Buffer): Promise<Record<string, string>> {
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.endpoint.protocol,
      hostname: this.endpoint.hostname,
      port: this.endpoint.port ? Number(this.endpoint.port) : undefined,
      path: '/',
      headers: {
        host: this.endpoint.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': PUT_RECORDS_TARGET,
      },
      body,
    });
    const { host: _host, ...headers } = signed.headers;
    return headers;
  }
}

// The SDK made the eventIDs: it needs only the failures back, not every record's eventID.
const OPENING = '{"OmitSuccessful":true';

/**
 * `{"OmitSuccessful":true,"Common":…,"Records":[…]}` encoded straight into one buffer: joining a megabyte of lines first would copy it
 * twice, and measuring each line's bytes first would read it twice. The buffer is sized for the worst case (a UTF-16
 * code unit is at most 3 bytes of UTF-8) and only the written part is sent.
 */
function requestBody(common: string | undefined, lines: readonly string[]): Buffer {
  let bound = OPENING.length + ',"Common":,"Records":[]}'.length + 3 * (common?.length ?? 0);
  for (const line of lines) bound += 3 * line.length + 1;
  const body = Buffer.allocUnsafe(bound);
  let at = body.write(OPENING, 0, 'latin1');
  if (common !== undefined) at += body.write(',"Common":', at, 'latin1') + body.write(common, at + 10, 'utf8');
  at += body.write(',"Records":[', at, 'latin1');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) body[at++] = 0x2c;
    at += body.write(lines[i]!, at, 'utf8');
  }
  at += body.write(']}', at, 'latin1');
  return body.subarray(0, at);
}

function interpret(response: PostAnswer, count: number): CallOutcome {
  const text = response.text;
  const json = parseJson(text);
  if (response.status === 200) return answered(json, count);
  const code = errorCode(json, response);
  const message = typeof json?.message === 'string' ? json.message : typeof json?.Message === 'string' ? json.Message : text.slice(0, 200);
  if (response.status === 413 || (response.status < 500 && response.status !== 429 && REFUSALS.has(code))) {
    return { kind: 'refused', code, message };
  }
  const retryAfterMs = retryAfter(response.header('retry-after'));
  const reason = `${response.status} ${code}${message ? `: ${message}` : ''}`;
  return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
}

function answered(json: Record<string, unknown> | undefined, count: number): CallOutcome {
  if (!json || !Array.isArray(json.Failed)) return { kind: 'retry', reason: 'the answer was not a PutRecords result' };
  const failed: RecordFailure[] = [];
  const answeredFor = new Set<number>();
  // A server that knows OmitSuccessful counts the stored records; an older one lists them.
  const listed = Array.isArray(json.Successful);
  if (listed) {
    for (const entry of json.Successful as Array<{ Index?: unknown }>) {
      if (typeof entry?.Index === 'number') answeredFor.add(entry.Index);
    }
  } else if (typeof json.SuccessfulCount !== 'number') {
    return { kind: 'retry', reason: 'the answer was not a PutRecords result' };
  }
  for (const entry of json.Failed as Array<{ Index?: unknown; ErrorCode?: unknown; ErrorMessage?: unknown }>) {
    if (typeof entry?.Index !== 'number' || entry.Index < 0 || entry.Index >= count || answeredFor.has(entry.Index)) continue;
    answeredFor.add(entry.Index);
    failed.push({ index: entry.Index, code: String(entry.ErrorCode ?? 'Unknown'), message: String(entry.ErrorMessage ?? '') });
  }
  if (!listed) {
    // Every record not failed is stored, if the counts say so; if not, the whole call is tried again (eventIDs
    // make that safe).
    if ((json.SuccessfulCount as number) + failed.length !== count) return { kind: 'retry', reason: 'the answer\'s counts do not add up' };
    return { kind: 'answered', stored: count - failed.length, failed };
  }
  // A record the answer does not mention was not stored: it is tried again like a failed one.
  for (let index = 0; index < count; index++) {
    if (!answeredFor.has(index)) failed.push({ index, code: 'NotAnswered', message: 'the answer did not mention this record' });
  }
  return { kind: 'answered', stored: count - failed.length, failed };
}

function errorCode(json: Record<string, unknown> | undefined, response: PostAnswer): string {
  const raw = json?.__type ?? json?.code ?? response.header('x-amzn-errortype') ?? `Http${response.status}`;
  const code = String(raw);
  return code.slice(code.lastIndexOf('#') + 1).split(':')[0]!;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function retryAfter(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 300_000) : undefined;
}

function describe(err: unknown): string {
  const error = err as Error & { cause?: { code?: string; message?: string } };
  const cause = error.cause?.code ?? error.cause?.message;
  return cause ? `${error.message} (${cause})` : error.message;
}
