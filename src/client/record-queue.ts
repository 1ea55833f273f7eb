// Where records wait between record() and the server's answer: in memory only, or on disk first (the spool).
// The delivery loop takes one batch at a time from the head and settles it before taking the next.
import type { DropReason } from './client-stats.js';

export interface QueuedBatch {
  /** Each a record serialized as JSON. */
  lines: string[];
  /** How many of the lines this process recorded (the others are replays of an earlier process's spool). */
  own: number;
}

export interface RecordQueue {
  /** Accepts a serialized record, or says why it cannot. Synchronous: record() never waits for the disk. `nowMs` is
   * the time now as the caller last read it (reading the clock costs as much as a tenth of a record). */
  push(line: string, bytes: number, nowMs: number): 'queued' | DropReason;
  /** Why push would refuse even the smallest record now, or undefined when it may have room: asked before a
   * record's line is written, so that a full queue costs little per dropped record. (A spool near its byte limit
   * may still refuse a line once it is written: only then is its size known.) */
  readonly refusal: DropReason | undefined;
  /** Records that can be taken now, and their bytes. */
  readonly ready: number;
  readonly readyBytes: number;
  /** When the oldest ready record began waiting (ms since the epoch), or undefined when none waits. */
  readonly readySince: number | undefined;
  /** Records not yet settled: ready, being written, or taken. */
  readonly pending: number;
  /** Records ever queued (with those an earlier process left in the spool), and how many of them are settled or
   * were given up inside the queue: flush() waits for the second to reach what the first was when it was called. */
  readonly enqueued: number;
  readonly resolved: number;
  /** Told when records become ready. */
  onReady: () => void;
  take(maxRecords: number, maxBytes: number): Promise<QueuedBatch | undefined>;
  /** The batch's records are all answered for (stored or dropped): the queue may forget them. */
  settle(batch: QueuedBatch): Promise<void>;
  /** Stops; answers how many records it still held that are now lost (a spool loses none). */
  close(): Promise<number>;
}

/** Bytes a batch's envelope `{"Records":[…]}` adds around its comma-joined lines. */
export const ENVELOPE_BYTES = '{"OmitSuccessful":true,"Records":[]}'.length;
