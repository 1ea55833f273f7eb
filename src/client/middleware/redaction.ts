// Which request and response members an audit record must not carry, and the walk that hides them. Names match
// case-insensitively, ignoring `-` and `_`, anywhere in the name: `userPassword`, `x-api-key`, `refresh_token`.
import { HIDDEN } from '../../domain/request-parameters.js';

export const DEFAULT_REDACTED = ['password', 'passwd', 'passphrase', 'secret', 'token', 'authorization', 'cookie', 'apikey', 'credential', 'privatekey'];

export type Redaction = string | RegExp;

const MAX_DEPTH = 32;

export interface Redactor {
  /** A redacted copy; the input is left as it was. */
  (value: unknown): unknown;
  /** Copies the members of `source` (if it is a plain object), redacted, into `out` (later sources win). */
  into(out: Record<string, unknown>, source: unknown): void;
}

export function redactor(extra: readonly Redaction[] = []): Redactor {
  const names = [...DEFAULT_REDACTED, ...extra.filter((r): r is string => typeof r === 'string').map(normalize)];
  const patterns = extra.filter((r): r is RegExp => r instanceof RegExp);
  // Requests repeat the same member names: each name's verdict is worked out once (a bounded number of them).
  const verdicts = new Map<string, boolean>();
  const hidden = (key: string): boolean => {
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const plain = normalize(key);
      verdict = names.some((name) => plain.includes(name)) || patterns.some((pattern) => pattern.test(key));
      if (verdicts.size < 10_000) verdicts.set(key, verdict);
    }
    return verdict;
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Buffer.isBuffer(value) || typeof value === 'function') return undefined;
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH) return '[nested too deeply]';
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    return copyInto({}, value as Record<string, unknown>, depth);
  };
  const copyInto = (out: Record<string, unknown>, value: Record<string, unknown>, depth: number) => {
    for (const key in value) {
      const member = value[key];
      if (member === undefined) continue;
      out[key] = hidden(key) ? HIDDEN : walk(member, depth + 1);
    }
    return out;
  };
  const redact = ((value: unknown) => walk(value, 0)) as Redactor;
  redact.into = (out, source) => {
    if (source !== null && typeof source === 'object' && !Array.isArray(source) && !Buffer.isBuffer(source)) {
      copyInto(out, source as Record<string, unknown>, 0);
    }
  };
  return redact;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
