// Events handed over before they are made: the middleware's record waits for an async identity resolver. They count
// as pending, and flush() and close() wait for them, so that a graceful shutdown does not lose the last requests'.
export class EventsInMaking {
  readonly events = new Set<Promise<void>>();
  /** Set once close() has stopped waiting: an event made after that is dropped as `closed`. */
  closed = false;

  /** True once every event handed over (also meanwhile) has settled; false if `deadline` (epoch ms) comes first. */
  async settled(deadline: number | undefined): Promise<boolean> {
    while (this.events.size > 0) {
      const all = Promise.all(this.events).then(() => true);
      if (deadline === undefined) {
        await all;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), left).unref();
      });
      const done = await Promise.race([all, late]);
      clearTimeout(timer);
      if (!done) return false;
    }
    return true;
  }
}
