// GetChannel's IngestionStatus: the latest PutAuditEvents attempt and success of each channel. Kept in memory and
// written to the store at most once a second per channel, so that ingestion pays no extra commit per call; the
// status is informational, and at worst the last second of it is lost in a crash.
import type { ChannelIngestion, LakeCatalog } from '../../store/lake-store.js';

const FLUSH_MS = 1000;

export class ChannelIngestionTracker {
  readonly #catalog: LakeCatalog;
  readonly #pending = new Map<string, ChannelIngestion>();
  #timer: NodeJS.Timeout | undefined;

  constructor(catalog: LakeCatalog) {
    this.#catalog = catalog;
  }

  note(channelArn: string, change: ChannelIngestion): void {
    this.#pending.set(channelArn, { ...this.#pending.get(channelArn), ...change });
    // A failed write only loses informational status; the next PutAuditEvents notes it again.
    this.#timer ??= setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
  }

  /** What GetChannel shows: the stored status with the changes not yet written. */
  current(channelArn: string, stored: ChannelIngestion): ChannelIngestion {
    return { ...stored, ...this.#pending.get(channelArn) };
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const [arn, change] of pending) await this.#catalog.updateChannelIngestion(arn, change);
  }
}
