// One spool file: records as JSON lines, appended and fsynced, read back from an offset. Files are named by a
// sequence number so that their order survives a restart.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

const NAME = /^segment-(\d{16})\.ndjson$/;

export interface Segment {
  seq: number;
  file: string;
  /** Bytes known to be whole lines on disk. */
  size: number;
  /** No more lines will be appended. */
  sealed: boolean;
  /** Left by an earlier process: its last line may be torn. */
  inherited: boolean;
  reader?: fs.FileHandle;
  writer?: fs.FileHandle;
}

export function segmentFile(dir: string, seq: number): string {
  return path.join(dir, `segment-${String(seq).padStart(16, '0')}.ndjson`);
}

/** Synchronous: the spool is opened while the client is constructed, before any record can be taken. */
export function existingSegments(dir: string): Segment[] {
  const segments: Segment[] = [];
  for (const name of fsSync.readdirSync(dir)) {
    const seq = NAME.exec(name)?.[1];
    if (seq === undefined) continue;
    const file = path.join(dir, name);
    const { size } = fsSync.statSync(file);
    segments.push({ seq: Number(seq), file, size, sealed: true, inherited: true });
  }
  return segments.sort((a, b) => a.seq - b.seq);
}

export function countLines(segment: Segment, from: number): number {
  const fd = fsSync.openSync(segment.file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let lines = 0;
    for (let position = from; position < segment.size; ) {
      const bytesRead = fsSync.readSync(fd, buffer, 0, Math.min(buffer.length, segment.size - position), position);
      if (bytesRead === 0) break;
      for (let i = buffer.indexOf(10, 0); i !== -1 && i < bytesRead; i = buffer.indexOf(10, i + 1)) lines++;
      position += bytesRead;
    }
    return lines;
  } finally {
    fsSync.closeSync(fd);
  }
}

export async function openForAppend(dir: string, seq: number): Promise<Segment> {
  const file = segmentFile(dir, seq);
  // records can be sensitive even when redacted: readable by the application's user only
  const writer = await fs.open(file, 'a', 0o600);
  return { seq, file, size: 0, sealed: false, inherited: false, writer };
}

/** Appends whole lines and makes them durable; on failure the segment is sealed at its last whole line. */
export async function appendLines(segment: Segment, data: Buffer): Promise<void> {
  try {
    await segment.writer!.write(data);
    await segment.writer!.datasync();
    segment.size += data.length;
  } catch (err) {
    await seal(segment);
    throw err;
  }
}

export async function seal(segment: Segment): Promise<void> {
  segment.sealed = true;
  const writer = segment.writer;
  segment.writer = undefined;
  await writer?.close().catch(() => {});
}

export async function readChunk(segment: Segment, position: number, length: number): Promise<Buffer> {
  segment.reader ??= await fs.open(segment.file, 'r');
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await segment.reader.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function removeSegment(segment: Segment): Promise<void> {
  await segment.reader?.close().catch(() => {});
  await segment.writer?.close().catch(() => {});
  segment.reader = undefined;
  segment.writer = undefined;
  await fs.rm(segment.file, { force: true });
}
