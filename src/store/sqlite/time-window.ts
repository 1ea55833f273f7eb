// The part of newest-first (time, seq) order a lookup page may return, as index ranges SQLite can seek to.
import type { HistoryQuery } from '../store.js';

export interface TimeWindow {
  /** Times in [from, before). */
  range: [fromMs: number, beforeMs: number];
  /**
   * Events at exactly this time with a smaller seq: the rest of a tie that a page boundary split. Read apart from
   * `range` because SQLite cannot seek on (time, rowid) as one row value, and a second's worth of imported events
   * can share one time.
   */
  tie?: [timeMs: number, beforeSeq: number];
}

/** Beyond what a Date can hold; keeps bounds finite integers whatever the caller passed. */
const FAR_MS = 8.64e15;

/** Undefined when no event can fall in the window. */
export function timeWindow(query: Pick<HistoryQuery, 'startMs' | 'endMs' | 'after'>): TimeWindow | undefined {
  const from = clamp(Math.ceil(query.startMs));
  const endExclusive = clamp(Math.floor(query.endMs)) + 1;
  const after = query.after;
  if (!after || after.timeMs >= endExclusive) return from < endExclusive ? { range: [from, endExclusive] } : undefined;
  if (after.timeMs < from) return undefined;
  return { range: [from, after.timeMs], tie: [after.timeMs, after.seq] };
}

/** The whole window as one [from, before) time range, tie included. */
export function spanOf(window: TimeWindow): [fromMs: number, beforeMs: number] {
  return [window.range[0], window.tie ? window.tie[0] + 1 : window.range[1]];
}

function clamp(ms: number): number {
  return Math.min(FAR_MS, Math.max(-FAR_MS, ms));
}
