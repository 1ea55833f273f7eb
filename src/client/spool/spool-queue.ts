// The on-disk queue: every record is appended to a spool file and fsynced (in the background, many records to one
// fsync) before it is sent, and a file is deleted once every record in it is acknowledged. After an outage or a
// restart the client sends what the files still hold, from the acknowledged position on.
import fs from 'node:fs';
import type { StatsCounter } from '../client-stats.js';
import type { DropReason } from '../client-stats.js';
import { MAX_RECORD_BYTES } from '../client-options.js';
import { ENVELOPE_BYTES, type QueuedBatch, type RecordQueue } from '../record-queue.js';
import { SpoolCursor, type SpoolPosition } from './spool-cursor.js';
import { SpoolLock } from './spool-lock.js';
import { appendLines, countLines, existingSegments, openForAppend, readChunk, removeSegment, seal, type Segment } from './segment-file.js';
import { splitLines } from './split-lines.js';

export interface SpoolQueueOptions {
  dir: string;
  maxBytes: number;
  segmentBytes: number;
  /** Records waiting in memory to be written. */
  maxUnwritten: number;
}

export class SpoolQueue implements RecordQueue {
  onReady: () => void = () => {};
  enqueued = 0;
  resolved = 0;
  private segments: Segment[];
  /** Read position in the oldest segment. */
  private offset = 0;
  private unreadLines = 0;
  private unreadBytes = 0;
  private unwritten: string[] = [];
  private unwrittenSizes: number[] = [];
  /** Bytes pushed and not yet on disk (waiting, or being written). */
  private unwrittenBytes = 0;
  private diskBytes = 0;
  private takenLines = 0;
  private takenUpTo: SpoolPosition | undefined;
  private since: number | undefined;
  private nextSeq: number;
  private writing: Promise<void> | undefined;
  private readonly cursor: SpoolCursor;

  /** Opens the folder synchronously (while the client is constructed), finding what an earlier process left. */
  constructor(
    private readonly options: SpoolQueueOptions,
    private readonly stats: StatsCounter,
    private readonly onError: (error: Error) => void,
    private readonly lock = (fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 }), SpoolLock.acquire(options.dir)),
  ) {
    this.cursor = new SpoolCursor(options.dir);
    this.segments = existingSegments(options.dir);
    const acknowledged = this.cursor.readSync();
    // Numbered past the cursor too: a process that stopped without close() leaves a cursor naming a segment it
    // already removed, and a segment numbered below it again would be taken for acknowledged at the next start.
    this.nextSeq = Math.max(this.segments.at(-1)?.seq ?? 0, acknowledged?.seq ?? 0) + 1;
    this.skipAcknowledged(acknowledged);
    for (const [i, segment] of this.segments.entries()) {
      const from = i === 0 ? this.offset : 0;
      this.unreadLines += countLines(segment, from);
      this.unreadBytes += segment.size - from;
      this.diskBytes += segment.size;
    }
    this.enqueued = this.unreadLines;
    if (this.unreadLines > 0) this.since = 0;
  }

  get ready(): number {
    return this.unreadLines;
  }

  get readyBytes(): number {
    return this.unreadBytes;
  }

  get readySince(): number | undefined {
    return this.since;
  }

  get pending(): number {
    return this.unreadLines + this.unwritten.length + this.takenLines;
  }

  get refusal(): DropReason | undefined {
    return this.refusalFor(1);
  }

  push(line: string, bytes: number): 'queued' | DropReason {
    const refusal = this.refusalFor(bytes + 1);
    if (refusal) return refusal;
    this.unwritten.push(line);
    this.unwrittenSizes.push(bytes + 1);
    this.unwrittenBytes += bytes + 1;
    this.enqueued++;
    this.writing ??= this.writeAll();
    return 'queued';
  }

  private refusalFor(lineBytes: number): DropReason | undefined {
    if (this.unwritten.length >= this.options.maxUnwritten) return 'buffer_full';
    if (this.diskBytes + this.unwrittenBytes + lineBytes > this.options.maxBytes) return 'spool_full';
    return undefined;
  }

  async take(maxRecords: number, maxBytes: number): Promise<QueuedBatch | undefined> {
    for (;;) {
      const segment = this.segments[0];
      if (!segment) return undefined;
      if (this.offset >= segment.size) {
        if (!segment.sealed) return undefined;
        await this.retire(segment);
        continue;
      }
      const batch = await this.readBatch(segment, maxRecords, maxBytes);
      if (batch) return batch;
    }
  }

  async settle(batch: QueuedBatch): Promise<void> {
    this.takenLines -= batch.lines.length;
    this.resolved += batch.lines.length;
    const position = this.takenUpTo;
    const oldest = this.segments[0];
    if (oldest && oldest.sealed && this.offset >= oldest.size) await this.retire(oldest);
    if (position) await this.cursor.write(position).catch(() => {});
  }

  async close(): Promise<number> {
    while (this.writing) await this.writing;
    const drained = this.unreadLines === 0 && this.takenLines === 0;
    for (const segment of this.segments) {
      await seal(segment);
      if (drained) await removeSegment(segment);
      else await segment.reader?.close().catch(() => {});
    }
    if (drained) await this.cursor.remove();
    await this.lock.release();
    return 0;
  }

  private skipAcknowledged(position: SpoolPosition | undefined): void {
    if (!position) return;
    while (this.segments[0] && this.segments[0].seq < position.seq) {
      fs.rmSync(this.segments.shift()!.file, { force: true });
    }
    const oldest = this.segments[0];
    if (oldest && oldest.seq === position.seq && position.offset <= oldest.size) this.offset = position.offset;
  }

  private async readBatch(segment: Segment, maxRecords: number, maxBytes: number): Promise<QueuedBatch | undefined> {
    const chunk = await readChunk(segment, this.offset, Math.min(segment.size - this.offset, maxBytes + MAX_RECORD_BYTES));
    if (chunk.length === 0) {
      // the file is shorter than it was (changed by someone else): nothing more can be read from it
      this.unreadBytes -= segment.size - this.offset;
      segment.size = this.offset;
      return undefined;
    }
    const atEnd = segment.sealed && this.offset + chunk.length >= segment.size;
    const split = splitLines(chunk, { maxRecords, budget: maxBytes - ENVELOPE_BYTES, validate: segment.inherited, atEnd });
    this.offset += split.consumed;
    this.unreadBytes -= split.consumed;
    this.unreadLines = Math.max(0, this.unreadLines - split.lines.length - split.unreadable);
    if (this.unreadLines === 0) this.since = undefined;
    this.resolved += split.unreadable;
    this.stats.drop('spool_unreadable', split.unreadable + split.tornTail);
    if (segment.inherited) this.stats.replayed += split.lines.length;
    if (split.lines.length === 0) return undefined;
    this.takenLines += split.lines.length;
    this.takenUpTo = { seq: segment.seq, offset: this.offset };
    return { lines: split.lines, own: segment.inherited ? 0 : split.lines.length };
  }

  private async retire(segment: Segment): Promise<void> {
    await removeSegment(segment);
    this.segments.shift();
    this.diskBytes -= segment.size;
    this.offset = 0;
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.unwritten.length > 0) {
        const segment = await this.writableSegment().catch((err: Error) => err);
        const count = this.linesFitting(segment instanceof Error ? Infinity : this.options.segmentBytes - segment.size);
        const lines = this.unwritten.splice(0, count);
        const bytes = this.unwrittenSizes.splice(0, count).reduce((a, b) => a + b, 0);
        await this.writeLines(segment, lines);
        this.unwrittenBytes -= bytes;
      }
    } finally {
      this.writing = undefined;
    }
  }

  /** As many waiting lines as fill `room` (at least one), so that files stay near segmentBytes. */
  private linesFitting(room: number): number {
    let count = 0;
    for (let size = 0; count < this.unwritten.length && (count === 0 || size + this.unwrittenSizes[count]! <= room); count++) {
      size += this.unwrittenSizes[count]!;
    }
    return count;
  }

  private async writeLines(segment: Segment | Error, lines: string[]): Promise<void> {
    const data = Buffer.from(`${lines.join('\n')}\n`);
    try {
      if (segment instanceof Error) throw segment;
      await appendLines(segment, data);
      this.diskBytes += data.length;
      this.unreadLines += lines.length;
      this.unreadBytes += data.length;
      this.since ??= Date.now();
      this.stats.spooled += lines.length;
      if (segment.size >= this.options.segmentBytes) await seal(segment);
      this.onReady();
    } catch (err) {
      this.resolved += lines.length;
      this.stats.drop('spool_write_failed', lines.length);
      this.onError(new Error(`opentrail client: could not write ${lines.length} records to the spool: ${(err as Error).message}`));
      this.onReady();
    }
  }

  private async writableSegment(): Promise<Segment> {
    const last = this.segments.at(-1);
    if (last && !last.sealed) return last;
    const segment = await openForAppend(this.options.dir, this.nextSeq++);
    this.segments.push(segment);
    return segment;
  }
}
