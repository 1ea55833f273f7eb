// Which request and response members an audit record must not carry, and the walk that hides them. Names match
// case-insensitively, ignoring `-` and `_`, anywhere in the name: `userPassword`, `x-api-key`, `refresh_token`.
import { HIDDEN } from '../../domain/request-parameters.js';

export const DEFAULT_REDACTED = [
  'password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'jwt', 'authorization', 'xauth', 'cookie', 'apikey',
  'credential', 'privatekey', 'sessionid',
];
/** Names too short to look for inside others (`pin` is in `shipping`, `otp` in `footprint`): hidden only when whole. */
export const DEFAULT_REDACTED_EXACT = ['pass', 'pin', 'otp'];

export type Redaction = string | RegExp;

const MAX_DEPTH = 32;
/**
 * Values one redaction visits at most. A body that shares a member many times over (`a.x = a.y = b`, and b's members
 * the same, without a cycle) is exponential to copy; cut short, it costs the request microseconds, not the process.
 */
const MAX_VALUES = 10_000;
const CIRCULAR = '[circular]';
const TOO_LARGE = '[too large]';

export interface Redactor {
  /** A redacted copy, as JSON would see the value; the input is left as it was. */
  (value: unknown): unknown;
  /** Copies the members of `source` (if it is a plain object), redacted, into `out` (later sources win). */
  into(out: Record<string, unknown>, source: unknown): void;
}

export function redactor(extra: readonly Redaction[] = []): Redactor {
  const hidden = hiddenNames(extra);
  const walk = (value: unknown, depth: number, path: Set<object>, budget: { left: number }): unknown => {
    if (typeof value === 'bigint') return value.toString();
    if (Buffer.isBuffer(value) || typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (value === null || typeof value !== 'object') return value;
    if (--budget.left < 0) return TOO_LARGE;
    if (depth >= MAX_DEPTH) return '[nested too deeply]';
    if (path.has(value)) return CIRCULAR;
    // What JSON.stringify would write (Date's ISO text, an app's own toJSON): what the client sees, nothing more.
    const json = jsonValue(value);
    if (json !== value) return json === null || typeof json !== 'object' ? walk(json, depth, path, budget) : walkObject(json, depth, path, budget);
    return walkObject(value, depth, path, budget);
  };
  const walkObject = (value: object, depth: number, path: Set<object>, budget: { left: number }): unknown => {
    path.add(value);
    try {
      if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, path, budget) ?? null);
      return copyInto({}, value as Record<string, unknown>, depth, path, budget);
    } finally {
      path.delete(value);
    }
  };
  const copyInto = (out: Record<string, unknown>, value: Record<string, unknown>, depth: number, path: Set<object>, budget: { left: number }) => {
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined) continue;
      const copy = hidden(key) ? HIDDEN : walk(member, depth + 1, path, budget);
      if (copy !== undefined) out[key] = copy;
    }
    return out;
  };
  const redact = ((value: unknown) => walk(value, 0, new Set(), { left: MAX_VALUES })) as Redactor;
  redact.into = (out, source) => {
    if (source !== null && typeof source === 'object' && !Array.isArray(source) && !Buffer.isBuffer(source)) {
      copyInto(out, source as Record<string, unknown>, 0, new Set(), { left: MAX_VALUES });
    }
  };
  return redact;
}

/** Whether a member name is to be hidden; each name's verdict is worked out once (a bounded number of them). */
function hiddenNames(extra: readonly Redaction[]): (key: string) => boolean {
  const names = [...DEFAULT_REDACTED, ...extra.filter((r): r is string => typeof r === 'string').map(normalize)];
  const exact = new Set(DEFAULT_REDACTED_EXACT);
  const patterns = extra.filter((r): r is RegExp => r instanceof RegExp);
  const verdicts = new Map<string, boolean>();
  return (key) => {
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const plain = normalize(key);
      verdict = exact.has(plain) || names.some((name) => plain.includes(name)) || patterns.some((pattern) => pattern.test(key));
      if (verdicts.size < 10_000) verdicts.set(key, verdict);
    }
    return verdict;
  };
}

/** The value's toJSON() when it has one (a throwing one reads as absent), else the value itself. */
function jsonValue(value: object): unknown {
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON !== 'function') return value;
  try {
    return toJSON.call(value);
  } catch {
    return undefined;
  }
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
