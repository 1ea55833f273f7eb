// In-process read/write locks by name. The filesystem store is used by one process; inside it, writes of one key
// must not interleave (each cleans up the data files the previous one left), and a bucket must not be deleted
// while a write into it is under way. Waiters are served in arrival order, so writers do not starve.

interface Waiter {
  exclusive: boolean;
  start: () => void;
}

interface LockState {
  readers: number;
  writing: boolean;
  queue: Waiter[];
}

export class KeyedLock {
  private readonly states = new Map<string, LockState>();

  shared<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.run(name, false, work);
  }

  exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.run(name, true, work);
  }

  private async run<T>(name: string, exclusive: boolean, work: () => Promise<T>): Promise<T> {
    const state = this.stateOf(name);
    await new Promise<void>((start) => {
      state.queue.push({ exclusive, start });
      this.admit(name, state);
    });
    try {
      return await work();
    } finally {
      if (exclusive) state.writing = false;
      else state.readers--;
      this.admit(name, state);
    }
  }

  private admit(name: string, state: LockState): void {
    for (let next = state.queue[0]; next && !state.writing; next = state.queue[0]) {
      if (next.exclusive && state.readers > 0) break;
      state.queue.shift();
      if (next.exclusive) state.writing = true;
      else state.readers++;
      next.start();
    }
    if (!state.writing && state.readers === 0 && state.queue.length === 0) this.states.delete(name);
  }

  private stateOf(name: string): LockState {
    let state = this.states.get(name);
    if (!state) {
      state = { readers: 0, writing: false, queue: [] };
      this.states.set(name, state);
    }
    return state;
  }
}
