// Events handed over as the few facts they will be built from, built a little later many at a time. At a
// moderate request rate each request is served by its own wake-up of the event loop, with caches cold: building its
// record then costs several times what the same work costs in a loop over many records, where the builder's code
// and data stay warm. Held a few milliseconds, the facts rarely live through a scavenge. What is held must not
// change meanwhile: the middleware holds events it built from copies, not the application's own objects (an
// application may change the object it answered with right after answering).
import type { AuditEvent } from './audit-record.js';

/** Builds an event from its facts; undefined when there is nothing to record (or it will be recorded later itself). */
export type EventBuilder<Facts> = (facts: Facts) => AuditEvent | undefined;

export interface DeferredOptions {
  /** How long the first held event waits for others at most. */
  delayMs: number;
  /** Built at once when this many are held, to keep a burst's facts from piling up. */
  maxHeld: number;
}

export class DeferredEvents {
  // Two arrays side by side: nothing to allocate per event.
  private builders: Array<EventBuilder<never>> = [];
  private facts: unknown[] = [];
  private timer: NodeJS.Timeout | undefined;

  /** `record` takes each built event; `fail` hears of a builder that threw (the event is lost, the others are not). */
  constructor(
    private readonly options: DeferredOptions,
    private readonly record: (event: AuditEvent) => void,
    private readonly fail: (error: unknown) => void,
  ) {}

  get held(): number {
    return this.builders.length;
  }

  hold<Facts>(build: EventBuilder<Facts>, facts: Facts): void {
    this.builders.push(build as EventBuilder<never>);
    this.facts.push(facts);
    if (this.builders.length >= this.options.maxHeld) this.build();
    else if (this.timer === undefined) this.timer = setTimeout(this.build, this.options.delayMs).unref();
  }

  /** Builds and records everything held, in the order it was handed over. */
  readonly build = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    const builders = this.builders;
    const facts = this.facts;
    if (builders.length === 0) return;
    this.builders = [];
    this.facts = [];
    for (let i = 0; i < builders.length; i++) {
      let event: AuditEvent | undefined;
      try {
        event = builders[i]!(facts[i] as never);
      } catch (err) {
        this.fail(err);
        continue;
      }
      if (event !== undefined) this.record(event);
    }
  };
}
