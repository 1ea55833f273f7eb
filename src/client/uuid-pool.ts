// Random (version 4) UUIDs made 256 at a time: one CSPRNG fill and one latin1 decode per 256, then each is a slice
// of that text. crypto.randomUUID() formats each one on its own, at several times the cost, and a record takes two
// (eventID, and the middleware's requestID). eventIDs are version 7 (time first), as the server's own are: opentrail
// files eventIDs in time order then, where a commit touches a few pages of its index (src/domain/time-ordered-id.ts).
import crypto from 'node:crypto';
import { orderedIdPrefix } from '../domain/time-ordered-id.js';

const PER_FILL = 256;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
// Where each of a UUID's 16 bytes goes in its 36 characters.
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

const random = Buffer.alloc(16 * PER_FILL);
const text = Buffer.alloc(36 * PER_FILL);
let pool = '';
let next = PER_FILL;

export function randomUuid(): string {
  if (next === PER_FILL) refill();
  const at = 36 * next++;
  return pool.slice(at, at + 36);
}

let prefixMs = NaN;
let prefix = '';

/** A version 7 UUID of `timeMs` (milliseconds), its other 74 bits random; the prefix is formatted once per millisecond. */
export function timeOrderedUuid(timeMs: number): string {
  if (timeMs !== prefixMs) {
    prefixMs = timeMs;
    prefix = orderedIdPrefix(timeMs);
  }
  return prefix + randomUuid().slice(15);
}

function refill(): void {
  crypto.randomFillSync(random);
  for (let n = 0; n < PER_FILL; n++) {
    const from = 16 * n;
    const to = 36 * n;
    random[from + 6] = (random[from + 6]! & 0x0f) | 0x40;
    random[from + 8] = (random[from + 8]! & 0x3f) | 0x80;
    for (let i = 0; i < 16; i++) {
      const byte = random[from + i]!;
      text[to + AT[i]!] = HEX[byte >> 4]!;
      text[to + AT[i]! + 1] = HEX[byte & 15]!;
    }
    text[to + 8] = text[to + 13] = text[to + 18] = text[to + 23] = 0x2d;
  }
  pool = text.toString('latin1');
  next = 0;
}
