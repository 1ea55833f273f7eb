// Cuts a chunk read from a spool file into whole JSON lines, up to a batch's limits. Lines from an earlier
// process's files are checked: the last one may have been torn by a crash before its fsync.

export interface SplitLimits {
  maxRecords: number;
  /** Bytes the lines and their separating commas may take. */
  budget: number;
  validate: boolean;
  /** The chunk ends where the (sealed) file ends: a last line without its newline is torn. */
  atEnd: boolean;
}

export interface SplitResult {
  lines: string[];
  /** Bytes of the chunk used (lines taken and lines skipped). */
  consumed: number;
  /** Whole lines that were not JSON. */
  unreadable: number;
  /** 1 when the file ended in a torn line (not counted among its lines). */
  tornTail: number;
}

export function splitLines(chunk: Buffer, limits: SplitLimits): SplitResult {
  const lines: string[] = [];
  let position = 0;
  let size = 0;
  let unreadable = 0;
  while (lines.length < limits.maxRecords) {
    const newline = chunk.indexOf(10, position);
    if (newline === -1) break;
    const length = newline - position;
    if (lines.length > 0 && size + length + 1 > limits.budget) break;
    const line = chunk.toString('utf8', position, newline);
    position = newline + 1;
    if (limits.validate && !isJsonObject(line)) {
      unreadable++;
      continue;
    }
    lines.push(line);
    size += length + 1;
  }
  // A line without its newline is torn at the end of a file; one filling a whole chunk cannot be a record either.
  const stuck = position === 0 && lines.length === 0 && unreadable === 0;
  const torn = (limits.atEnd || stuck) && position < chunk.length && chunk.indexOf(10, position) === -1;
  return { lines, consumed: torn ? chunk.length : position, unreadable, tornTail: torn ? 1 : 0 };
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
