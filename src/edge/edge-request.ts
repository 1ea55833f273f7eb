// One HTTP request as the edge sees it, independent of the web framework, and the reply a surface gives back.
import type { Readable } from 'node:stream';

export interface EdgeRequest {
  requestId: string;
  receivedAt: Date;
  method: string;
  /** Path and query exactly as received, still percent-encoded: SigV4 signs those bytes. */
  rawUrl: string;
  path: string;
  query: URLSearchParams;
  /** Lower-case names, as Node delivers them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
  userAgent?: string;
}

export interface EdgeReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | Readable;
}

export function header(req: EdgeRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
