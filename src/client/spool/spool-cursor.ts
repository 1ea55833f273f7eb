// How far the server has acknowledged the spool, so that a restart replays from there rather than from the start
// of the oldest file. Written after each settled batch without fsync: a stale cursor only replays records the
// server already holds, which it answers as stored again (PutRecords is idempotent on eventID).
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface SpoolPosition {
  seq: number;
  offset: number;
}

export class SpoolCursor {
  private readonly file: string;
  private readonly temp: string;

  constructor(dir: string) {
    this.file = path.join(dir, 'cursor.json');
    this.temp = `${this.file}.tmp`;
  }

  readSync(): SpoolPosition | undefined {
    try {
      const value = JSON.parse(fsSync.readFileSync(this.file, 'utf8')) as Partial<SpoolPosition>;
      if (Number.isSafeInteger(value.seq) && Number.isSafeInteger(value.offset)) return { seq: value.seq!, offset: value.offset! };
    } catch {
      // missing or torn: replay from the start of the oldest file
    }
    return undefined;
  }

  async write(position: SpoolPosition): Promise<void> {
    await fs.writeFile(this.temp, JSON.stringify(position));
    await fs.rename(this.temp, this.file);
  }

  async remove(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}
