// The client's counters, readable at any time: what was handed over, what the server acknowledged, what was sent
// again after a failed attempt, what was given up and why, and what went through the spool.

export type DropReason =
  | 'invalid_event'
  | 'record_too_large'
  | 'buffer_full'
  | 'spool_full'
  | 'spool_unreadable'
  | 'spool_write_failed'
  | 'closed'
  | 'unsent_at_close'
  | `rejected:${string}`;

export interface ClientStats {
  /** Events handed to record() and accepted. */
  recorded: number;
  /** Records the server acknowledged as stored. */
  sent: number;
  /** Records sent again after a failed attempt (once per record per retry). */
  retried: number;
  /** Records given up; why, in `droppedByReason`. */
  dropped: number;
  droppedByReason: Partial<Record<DropReason, number>>;
  /** Records written durably to the spool. */
  spooled: number;
  /** Records read back from spool files an earlier process left. */
  replayed: number;
  /** Records waiting to be sent now (in memory or in the spool). */
  pending: number;
}

export class StatsCounter {
  recorded = 0;
  sent = 0;
  retried = 0;
  spooled = 0;
  replayed = 0;
  private droppedTotal = 0;
  private readonly reasons: Partial<Record<DropReason, number>> = {};

  drop(reason: DropReason, count = 1): void {
    if (count <= 0) return;
    this.droppedTotal += count;
    this.reasons[reason] = (this.reasons[reason] ?? 0) + count;
  }

  snapshot(pending: number): ClientStats {
    return {
      recorded: this.recorded,
      sent: this.sent,
      retried: this.retried,
      dropped: this.droppedTotal,
      droppedByReason: { ...this.reasons },
      spooled: this.spooled,
      replayed: this.replayed,
      pending,
    };
  }
}
