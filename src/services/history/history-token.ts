// LookupEvents pagination tokens: opaque to clients, bound to the query that produced them, and tamper-evident
// (MACed with a key derived from the data dir's master key), so a token replayed with other parameters or edited by
// hand is refused with InvalidNextTokenException instead of silently paging through something else.
import crypto from 'node:crypto';
import type { HistoryPosition } from '../../store/store.js';

export interface HistoryTokenState {
  /** Digest of the query parameters the token belongs to. */
  binding: string;
  /** The time range the first page resolved (defaults included), kept fixed for every later page. */
  startMs: number;
  endMs: number;
  after: HistoryPosition;
}

export class HistoryTokenCodec {
  constructor(private readonly key: Buffer) {}

  encode(state: HistoryTokenState): string {
    const payload = Buffer.from(
      JSON.stringify([state.binding, state.startMs, state.endMs, state.after.timeMs, state.after.seq]),
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  decode(token: string): HistoryTokenState | undefined {
    const [payload, mac] = token.split('.');
    if (!payload || !mac || !safeEqual(mac, this.mac(payload))) return undefined;
    try {
      const [binding, startMs, endMs, timeMs, seq] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof binding !== 'string' || ![startMs, endMs, timeMs, seq].every(Number.isSafeInteger)) return undefined;
      return { binding, startMs, endMs, after: { timeMs, seq } };
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return crypto.createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 22);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** A stable digest of the parameters a token is bound to. */
export function queryBinding(parts: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
