// Group commit: every item submitted before the event loop next reaches its check phase goes into ONE transaction,
// so concurrent requests share one fsync instead of queueing for one each. Backend-neutral: a backend supplies
// `commitBatch`, which may be synchronous (SQLite) or not (PostgreSQL); while an asynchronous commit is in flight,
// new items gather for the next one. A backend that writes a batch synchronously and only waits for its durability
// afterwards (SQLite syncing its WAL off the event loop) asks for `overlap`: the next batch is written while
// earlier ones wait for their sync, so a batch's turn costs its writing, not its writing plus an fsync.
import { setImmediate as nextTurn } from 'node:timers/promises';

export type Settlement<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Writes all items in one transaction and returns one settlement per item, in order. An item that fails on its own
 * is settled as failed and must have left no trace while the others commit; throwing means nothing was committed.
 */
export type CommitBatch<T, R> = (items: readonly T[]) => readonly Settlement<R>[] | Promise<readonly Settlement<R>[]>;

export class GroupCommitClosedError extends Error {
  constructor() {
    super('the store is closed');
    this.name = 'GroupCommitClosedError';
  }
}

interface Waiter<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /**
   * `commitBatch` has written the batch by the time it returns; its promise only waits for durability. Later batches
   * may then be written before it settles.
   */
  overlap?: boolean;
}

export class GroupCommit<T, R = void> {
  readonly #commitBatch: CommitBatch<T, R>;
  readonly #overlap: boolean;
  readonly #syncing = new Set<Promise<void>>();
  #queue: Waiter<T, R>[] = [];
  #scheduled = false;
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(commitBatch: CommitBatch<T, R>, options: GroupCommitOptions = {}) {
    this.#commitBatch = commitBatch;
    this.#overlap = options.overlap ?? false;
  }

  /** Resolves once the item's transaction has committed; rejects if it did not. */
  submit(item: T): Promise<R> {
    if (this.#closed) return Promise.reject(new GroupCommitClosedError());
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Refuses new items, then waits until every submitted one is settled. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#scheduled || this.#flushing) await (this.#flushing ?? nextTurn());
    await Promise.all(this.#syncing);
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#overlap) {
        // #flush has written the batch by the time it returns; only its settling waits. Items submitted after this
        // schedule the next batch themselves, as nothing is flushing.
        const syncing = this.#flush();
        this.#syncing.add(syncing);
        void syncing.finally(() => this.#syncing.delete(syncing));
        return;
      }
      // `.finally` runs as a microtask, so it always clears the flag after it was set here, even when the
      // commit finished synchronously.
      this.#flushing = this.#flush().finally(() => {
        this.#flushing = undefined;
        if (this.#queue.length > 0) this.#schedule();
      });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    try {
      settle(batch, await this.#commitBatch(batch.map((w) => w.item)));
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}

function settle<T, R>(batch: readonly Waiter<T, R>[], outcomes: readonly Settlement<R>[]): void {
  batch.forEach((waiter, i) => {
    const outcome = outcomes[i];
    if (!outcome) waiter.reject(new Error('group commit returned no outcome for this item'));
    else if (outcome.ok) waiter.resolve(outcome.value);
    else waiter.reject(outcome.error);
  });
}
