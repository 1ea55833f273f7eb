// Records waiting in memory, bounded: enough for a short outage; the spool is for longer ones and restarts.
import type { DropReason } from './client-stats.js';
import { ENVELOPE_BYTES, type QueuedBatch, type RecordQueue } from './record-queue.js';

export class MemoryQueue implements RecordQueue {
  onReady: () => void = () => {};
  // Three arrays side by side rather than an object per record: nothing to allocate per record() but the line.
  private lines: string[] = [];
  private sizes: number[] = [];
  private times: number[] = [];
  private head = 0;
  private bytes = 0;
  private taken = 0;
  enqueued = 0;
  resolved = 0;

  constructor(private readonly maxRecords: number) {}

  get ready(): number {
    return this.lines.length - this.head;
  }

  get readyBytes(): number {
    return this.bytes;
  }

  get readySince(): number | undefined {
    return this.times[this.head];
  }

  get pending(): number {
    return this.ready + this.taken;
  }

  get refusal(): DropReason | undefined {
    return this.ready >= this.maxRecords ? 'buffer_full' : undefined;
  }

  push(line: string, bytes: number, nowMs: number): 'queued' | DropReason {
    const refusal = this.refusal;
    if (refusal) return refusal;
    this.lines.push(line);
    this.sizes.push(bytes);
    this.times.push(nowMs);
    this.bytes += bytes;
    this.enqueued++;
    this.onReady();
    return 'queued';
  }

  async take(maxRecords: number, maxBytes: number): Promise<QueuedBatch | undefined> {
    const lines: string[] = [];
    let size = ENVELOPE_BYTES;
    while (this.head < this.lines.length && lines.length < maxRecords) {
      const bytes = this.sizes[this.head]!;
      if (lines.length > 0 && size + bytes + 1 > maxBytes) break;
      lines.push(this.lines[this.head]!);
      size += bytes + 1;
      this.bytes -= bytes;
      this.head++;
    }
    this.compact();
    this.taken += lines.length;
    return lines.length > 0 ? { lines, own: lines.length } : undefined;
  }

  async settle(batch: QueuedBatch): Promise<void> {
    this.taken -= batch.lines.length;
    this.resolved += batch.lines.length;
  }

  async close(): Promise<number> {
    const lost = this.ready;
    this.resolved += lost;
    this.lines = [];
    this.sizes = [];
    this.times = [];
    this.head = 0;
    this.bytes = 0;
    return lost;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
