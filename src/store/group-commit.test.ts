import { describe, expect, it } from 'vitest';
import { GroupCommit, GroupCommitClosedError, type Settlement } from './group-commit.js';

const ok = <R>(value: R): Settlement<R> => ({ ok: true, value });

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('GroupCommit', () => {
  it('commits everything submitted in one turn as one batch, resolving each with its own outcome', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit<number, number>((items) => {
      batches.push([...items]);
      return items.map((i) => ok(i * 10));
    });
    const results = await Promise.all([1, 2, 3].map((i) => commits.submit(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('resolves only after the commit has finished', async () => {
    const commit = deferred<Settlement<void>[]>();
    const commits = new GroupCommit<number>(() => commit.promise);
    let resolved = false;
    const pending = commits.submit(1).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    commit.resolve([ok(undefined)]);
    await pending;
    expect(resolved).toBe(true);
  });

  it('gathers items submitted during a commit into the next batch', async () => {
    const batches: number[][] = [];
    const first = deferred<Settlement<void>[]>();
    const commits = new GroupCommit<number>((items) => {
      batches.push([...items]);
      return batches.length === 1 ? first.promise : items.map(() => ok(undefined));
    });
    const one = commits.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [commits.submit(2), commits.submit(3)];
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1]]);
    first.resolve([ok(undefined)]);
    await Promise.all([one, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('with overlap, writes the next batch while an earlier one waits for its durability, and settles each on its own', async () => {
    const batches: number[][] = [];
    const durable = [deferred<void>(), deferred<void>()];
    const commits = new GroupCommit<number, number>((items) => {
      const turn = batches.push([...items]) - 1;
      return durable[turn]!.promise.then(() => items.map((i) => ok(i * 10)));
    }, { overlap: true });
    const one = commits.submit(1);
    await new Promise((r) => setImmediate(r));
    const two = commits.submit(2);
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toEqual([[1], [2]]);
    let firstSettled = false;
    void one.then(() => (firstSettled = true));
    durable[1]!.resolve();
    await expect(two).resolves.toBe(20);
    expect(firstSettled).toBe(false);
    const closed = commits.close();
    durable[0]!.resolve();
    await expect(one).resolves.toBe(10);
    await closed;
    await expect(commits.submit(3)).rejects.toBeInstanceOf(GroupCommitClosedError);
  });

  it('rejects only the item that failed on its own', async () => {
    const commits = new GroupCommit<number>((items) =>
      items.map((i) => (i === 2 ? { ok: false, error: new Error('bad 2') } : ok(undefined))));
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => commits.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects every item of a batch whose commit failed, and keeps working afterwards', async () => {
    let fail = true;
    const commits = new GroupCommit<number>((items) => {
      if (fail) throw new Error('disk full');
      return items.map(() => ok(undefined));
    });
    const outcomes = await Promise.allSettled([commits.submit(1), commits.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(commits.submit(3)).resolves.toBeUndefined();
  });

  it('rejects an item that the commit gave no outcome for', async () => {
    const commits = new GroupCommit<number>(() => []);
    await expect(commits.submit(1)).rejects.toThrow(/no outcome/);
  });

  it('on close, settles what is pending and refuses new items', async () => {
    const commit = deferred<Settlement<void>[]>();
    const commits = new GroupCommit<number>(() => commit.promise);
    const pending = commits.submit(1);
    const closed = commits.close();
    await expect(commits.submit(2)).rejects.toBeInstanceOf(GroupCommitClosedError);
    setTimeout(() => commit.resolve([ok(undefined)]), 10);
    await closed;
    await expect(pending).resolves.toBeUndefined();
  });
});
