// Writes that survive a crash once they return: file contents are fsynced before they are renamed into place, and
// a folder is fsynced after an entry in it appears or moves, because rename and mkdir are only durable then.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface WrittenFile {
  size: number;
  md5Hex: string;
}

/** Writes a file that must not exist yet, fsyncs it, and returns its size and MD5. */
export async function writeNewFile(file: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<WrittenFile> {
  const handle = await fs.open(file, 'wx');
  const md5 = createHash('md5');
  let size = 0;
  try {
    for await (const chunk of content instanceof Uint8Array ? [content] : content) {
      md5.update(chunk);
      size += chunk.length;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, md5Hex: md5.digest('hex') };
}

/** Replaces `target` with `content` atomically: readers see the old file or the new one. */
export async function replaceFile(target: string, temp: string, content: string): Promise<void> {
  try {
    await writeNewFile(temp, Buffer.from(content, 'utf8'));
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncFolder(path.dirname(target));
}

/** Creates `folder` and any missing parents, durably. */
export async function makeFolders(folder: string): Promise<void> {
  const first = await fs.mkdir(folder, { recursive: true });
  if (first === undefined) return;
  for (let created = folder; ; created = path.dirname(created)) {
    await syncFolder(path.dirname(created));
    if (created === first) return;
  }
}

export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a folder; there the rename itself is all there is.
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await handle?.close();
  }
}
