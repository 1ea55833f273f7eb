// The entries of one posting as a blob: (time, seq) pairs newest first, each as the varint of how much older it is
// than the previous entry and the zigzag varint of its seq's difference from the previous seq. Events of one
// batch are near each other in both, so an entry takes 2–4 bytes instead of an index entry's ~30.

/** A place in newest-first order; a posting's entries are sorted by it, descending. */
export interface Entry {
  timeMs: number;
  seq: number;
}

/** Descending (time, seq) order: negative when `a` is newer. */
export function newestFirst(a: Entry, b: Entry): number {
  return b.timeMs - a.timeMs || b.seq - a.seq;
}

/** `entries` must be sorted newest first. */
export function encodeEntries(entries: readonly Entry[]): Buffer {
  // A time difference within a day takes at most 4 bytes, a seq difference at most 8. Not from Buffer's shared
  // pool: the writer keeps some blobs, which must not keep pool slabs alive.
  const out = new Uint8Array(entries.length * 12);
  let at = 0;
  let prevTime = entries[0]?.timeMs ?? 0;
  let prevSeq = 0;
  for (const { timeMs, seq } of entries) {
    at = writeVarint(out, at, prevTime - timeMs);
    const delta = seq - prevSeq;
    at = writeVarint(out, at, delta >= 0 ? delta * 2 : -delta * 2 - 1);
    prevTime = timeMs;
    prevSeq = seq;
  }
  return Buffer.from(out.buffer, 0, at);
}

/** The entries of a blob that `encodeEntries` wrote, whose first entry is at `newestMs`. */
export function decodeEntries(blob: Uint8Array, newestMs: number): Entry[] {
  const entries: Entry[] = [];
  for (const reader = new EntryReader(blob, newestMs); reader.current; reader.advance()) entries.push(reader.current);
  return entries;
}

/** A posting's entries decoded one at a time, as far as a lookup reads: a page rarely needs a whole posting. */
export class EntryReader {
  current: Entry | undefined;
  readonly #blob: Uint8Array;
  #at = 0;
  #timeMs: number;
  #seq = 0;

  constructor(blob: Uint8Array, newestMs: number) {
    this.#blob = blob;
    this.#timeMs = newestMs;
    this.advance();
  }

  advance(): void {
    if (this.#at >= this.#blob.length) {
      this.current = undefined;
      return;
    }
    let [value, next] = readVarint(this.#blob, this.#at);
    this.#timeMs -= value;
    [value, next] = readVarint(this.#blob, next);
    this.#seq += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    this.#at = next;
    this.current = { timeMs: this.#timeMs, seq: this.#seq };
  }
}

// Arithmetic rather than bit operations: times and seqs are up to 53 bits.
function writeVarint(out: Uint8Array, start: number, value: number): number {
  let at = start;
  let rest = value;
  while (rest >= 0x80) {
    out[at++] = (rest % 0x80) + 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[at++] = rest;
  return at;
}

function readVarint(blob: Uint8Array, start: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  let at = start;
  for (;;) {
    const byte = blob[at++];
    if (byte === undefined) throw new Error('truncated posting');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, at];
    scale *= 0x80;
  }
}
