// Runs a worker's pass over and over on a timer, one pass at a time, until stopped: stopping lets the pass in
// progress finish, so that what it wrote is also recorded. Shared by log file delivery and the digest worker.
import type { Logger } from 'pino';

export interface PassLoopSettings {
  pass: () => Promise<void>;
  /** How long to wait after a pass before the next one. */
  nextDelayMs: () => number;
  log: Logger;
  /** For the log line when a pass fails, e.g. `delivery pass failed`. */
  failure: string;
}

export class PassLoop {
  readonly #settings: PassLoopSettings;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #stopping = false;

  constructor(settings: PassLoopSettings) {
    this.#settings = settings;
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  start(): void {
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => this.#tick(), delayMs);
    this.#timer.unref();
  }

  #tick(): void {
    const { pass, nextDelayMs, log, failure } = this.#settings;
    this.#pass = pass()
      .catch((err: unknown) => log.error({ err }, failure))
      .finally(() => {
        this.#pass = undefined;
        if (!this.#stopping) this.#schedule(nextDelayMs());
      });
  }
}
