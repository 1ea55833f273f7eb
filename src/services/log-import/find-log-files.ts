// Which files an import reads. A named file is read whatever its name; a folder is walked for CloudTrail's own
// file names, in sorted order so that two runs over the same tree do the same work in the same order.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from './log-file-records.js';

export interface FileProblem {
  file: string;
  message: string;
}

export interface FoundLogFiles {
  files: string[];
  /** Named paths that could not be read. */
  problems: FileProblem[];
}

const LOG_FILE_NAME = /\.json(\.gz)?$/i;
// Digest files share the log files' extension and bucket but hold no records.
const DIGEST_MARK = 'CloudTrail-Digest';

export async function findLogFiles(paths: readonly string[]): Promise<FoundLogFiles> {
  const found: FoundLogFiles = { files: [], problems: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) found.files.push(file);
    seen.add(key);
  };
  for (const named of paths) {
    try {
      if ((await stat(named)).isDirectory()) (await walk(named, found.problems)).forEach(add);
      else add(named);
    } catch (err) {
      found.problems.push({ file: named, message: describeFsError(err) });
    }
  }
  return found;
}

/** A folder that cannot be read is a problem of its own; its siblings are still walked. */
async function walk(dir: string, problems: FileProblem[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ file: dir, message: describeFsError(err) });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.includes(DIGEST_MARK)) continue;
    const full = path.join(dir, entry.name);
    // Symbolic links to folders are not followed: they could loop.
    if (entry.isDirectory()) for (const file of await walk(full, problems)) files.push(file);
    else if (LOG_FILE_NAME.test(entry.name) && (entry.isFile() || (await isFile(full)))) files.push(full);
  }
  return files;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return messageOf(err);
}
