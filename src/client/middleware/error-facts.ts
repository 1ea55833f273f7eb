// errorCode and errorMessage of a 4xx/5xx answer: the code and message of a JSON error body (`__type`/`errorCode`/
// `code`, `message`/`errorMessage`/`error`), else the thrown error's code or name, else the status: 404 → NotFound,
// "Not Found". A thrown error's message is kept only when it was meant for callers (4xx, or `expose`): the message of
// an internal failure (which Fastify's default handler also puts in the body) may name hosts, queries or secrets.
import { STATUS_CODES } from 'node:http';

export interface ErrorFacts {
  code: string;
  message: string;
}

export function errorFacts(statusCode: number, body: unknown, error: unknown): ErrorFacts | undefined {
  if (statusCode < 400) return undefined;
  const json = isObject(body) ? body : {};
  const thrown = isObject(error) ? error : {};
  const statusText = STATUS_CODES[statusCode] ?? `HTTP ${statusCode}`;
  const exposed = statusCode < 500 || thrown.expose === true;
  const code = text(json.__type) ?? text(json.errorCode) ?? text(json.code) ?? text(thrown.code)
    ?? (text(thrown.name) !== 'Error' ? text(thrown.name) : undefined) ?? statusText.replace(/[^A-Za-z0-9]/g, '');
  const told = exposed || error === undefined;
  const message = (told ? text(json.errorMessage) ?? text(json.message) ?? text(json.Message) ?? text(thrown.message) : undefined)
    ?? text(json.error) ?? statusText;
  return { code: code.slice(code.lastIndexOf('#') + 1), message };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
