// Records waiting in memory, bounded: enough for a short outage; the spool is for longer ones and restarts.
import type { DropReason } from './client-stats.js';
import { ENVELOPE_BYTES, type QueuedBatch, type RecordQueue } from './record-queue.js';

interface Entry {
  line: string;
  bytes: number;
  at: number;
}

export class MemoryQueue implements RecordQueue {
  onReady: () => void = () => {};
  private entries: Entry[] = [];
  private head = 0;
  private bytes = 0;
  private taken = 0;
  enqueued = 0;
  resolved = 0;

  constructor(private readonly maxRecords: number) {}

  get ready(): number {
    return this.entries.length - this.head;
  }

  get readyBytes(): number {
    return this.bytes;
  }

  get readySince(): number | undefined {
    return this.entries[this.head]?.at;
  }

  get pending(): number {
    return this.ready + this.taken;
  }

  push(line: string, bytes: number): 'queued' | DropReason {
    if (this.ready >= this.maxRecords) return 'buffer_full';
    this.entries.push({ line, bytes, at: Date.now() });
    this.bytes += bytes;
    this.enqueued++;
    this.onReady();
    return 'queued';
  }

  async take(maxRecords: number, maxBytes: number): Promise<QueuedBatch | undefined> {
    const lines: string[] = [];
    let size = ENVELOPE_BYTES;
    while (this.head < this.entries.length && lines.length < maxRecords) {
      const entry = this.entries[this.head]!;
      if (lines.length > 0 && size + entry.bytes + 1 > maxBytes) break;
      lines.push(entry.line);
      size += entry.bytes + 1;
      this.bytes -= entry.bytes;
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
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
    return lost;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
