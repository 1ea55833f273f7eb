// A response body as the auditor reads it: objects as they are, JSON text parsed (when not too big), else nothing.

const MAX_PARSED = 1024 * 1024;

export function parsedBody(body: unknown, contentType: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'object' && !Buffer.isBuffer(body)) return typeof (body as { pipe?: unknown }).pipe === 'function' ? undefined : body;
  const json = typeof contentType !== 'string' || /json/i.test(contentType);
  const text = Buffer.isBuffer(body) ? (body.length <= MAX_PARSED ? body.toString('utf8') : undefined) : typeof body === 'string' ? body : undefined;
  if (!json || text === undefined || text.length > MAX_PARSED) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
