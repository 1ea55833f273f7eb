// Event History keeps `--retention-days` of events; older whole days are dropped at start and then hourly.
import type { Logger } from 'pino';
import type { EventLog } from '../../store/store.js';
import type { Clock } from '../../domain/clock.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export class RetentionPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly eventLog: EventLog,
    private readonly clock: Clock,
    private readonly retentionDays: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.running = this.pruneOnce();
    this.timer = setInterval(() => {
      this.running = this.pruneOnce();
    }, HOUR_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async pruneOnce(): Promise<void> {
    const cutoff = this.clock.now().getTime() - this.retentionDays * DAY_MS;
    try {
      const removed = await this.eventLog.pruneBefore(cutoff);
      if (removed > 0) this.log.info({ removed, cutoff: new Date(cutoff).toISOString() }, 'pruned expired events');
    } catch (err) {
      this.log.error({ err }, 'pruning expired events failed');
    }
  }
}
