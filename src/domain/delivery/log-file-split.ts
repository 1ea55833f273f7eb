// Keeps every log file under CloudTrail's 50 MB compressed limit (spec §2.1). The split is decided on uncompressed
// sizes, before compressing, so that a plan's files are known before any byte is written; deflate never makes data
// much larger, so a bound on the uncompressed size bounds the compressed one.
import { EMPTY_LOG_FILE_BYTES, recordFileBytes } from './log-file-body.js';
import type { DeliverableEvent } from './deliverable-event.js';

/**
 * 50 MB less deflate's worst-case growth (5 bytes per stored block, about 0.03 %) and the gzip framing, with a wide
 * margin: incompressible records of this total still compress to under 50,000,000 bytes.
 */
export const MAX_LOG_FILE_BODY_BYTES = 49_000_000;

/**
 * Where files are cut in practice, far below the limit: a large delivery becomes several files that compress in
 * parallel, and consumers get files of a size they read comfortably (AWS, too, writes several files a period).
 */
export const LOG_FILE_BODY_TARGET_BYTES = 8 * 1024 * 1024;

/** Consecutive runs of events whose files stay within `maxBodyBytes`; a run always holds at least one event. */
export function splitBySize(
  events: readonly DeliverableEvent[],
  maxBodyBytes: number = MAX_LOG_FILE_BODY_BYTES,
): DeliverableEvent[][] {
  const files: DeliverableEvent[][] = [];
  let current: DeliverableEvent[] = [];
  let size = EMPTY_LOG_FILE_BYTES;
  for (const item of events) {
    const bytes = recordFileBytes(item.json);
    if (current.length > 0 && size + bytes > maxBodyBytes) {
      files.push(current);
      current = [];
      size = EMPTY_LOG_FILE_BYTES;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) files.push(current);
  return files;
}
