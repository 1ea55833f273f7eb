// One process at a time owns a spool folder: two writers appending to the same files, or two readers replaying
// them, would interleave lines and send every record twice. A lock file holds the owner's pid; a lock left by a
// process that no longer runs is taken over.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const heldHere = new Set<string>();

export class SpoolLock {
  private constructor(private readonly file: string) {}

  /** Synchronous, as the client opens its spool while it is constructed. */
  static acquire(dir: string): SpoolLock {
    const file = path.join(path.resolve(dir), 'spool.lock');
    if (heldHere.has(file)) throw new Error(`opentrail client: spool folder ${dir} is already used by another client in this process`);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
        heldHere.add(file);
        return new SpoolLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(readOr(file, '').trim());
        if (owner !== process.pid && isRunning(owner)) {
          throw new Error(`opentrail client: spool folder ${dir} is in use by process ${owner}`);
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`opentrail client: could not lock spool folder ${dir}`);
  }

  async release(): Promise<void> {
    heldHere.delete(this.file);
    await fsp.rm(this.file, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
