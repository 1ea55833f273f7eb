import { setImmediate as nextTurn } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { HashThread, serveHashBatches, type FileRef, type HashHelper } from './hash-thread.js';
import type { LogFileHash } from './sources.js';

const files = (count: number): FileRef[] => Array.from({ length: count }, (_, i) => ({ bucket: 'b', key: `k${i}` }));
const hashOf = (file: FileRef): LogFileHash => ({ kind: 'hash', sha256: `sha-of-${file.key}` });

/** A helper on this thread, over a real message channel: it gets its turns whenever the main side awaits a turn. */
function channelHelper(hashOne: (file: FileRef) => Promise<LogFileHash>): HashHelper {
  const { port1, port2 } = new MessageChannel();
  serveHashBatches(port2, hashOne);
  return Object.assign(port1, {
    terminate: async () => {
      port1.close();
      return 0;
    },
  }) as unknown as HashHelper;
}

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function thread(hashOne: (file: FileRef) => Promise<LogFileHash>, helper: HashHelper | undefined): HashThread {
  const hashing = new HashThread(hashOne, helper);
  closers.push(() => hashing.close());
  return hashing;
}

describe('HashThread', () => {
  it('shares each batch with the helper, every file hashed once, answers in the files\' order', async () => {
    const byMain: string[] = [];
    const byHelper: string[] = [];
    const helper = channelHelper(async (file) => {
      byHelper.push(file.key);
      return hashOf(file);
    });
    const hashing = thread(async (file) => {
      byMain.push(file.key);
      await nextTurn();
      return hashOf(file);
    }, helper);
    const batches = [files(50), files(30)];
    const results = await Promise.all(batches.map((batch) => hashing.hashAll(batch)));
    expect(results).toEqual(batches.map((batch) => batch.map(hashOf)));
    expect(byMain.length).toBeGreaterThan(0);
    expect(byHelper.length).toBeGreaterThan(0);
    expect(byMain.length + byHelper.length).toBe(80);
  });

  it('hashes everything itself without a helper, and does not wait for one that has not joined a batch', async () => {
    expect(await thread(async (file) => hashOf(file), undefined).hashAll(files(5))).toEqual(files(5).map(hashOf));
    // A helper that never answers: the main thread finishes the batch before it joins, so nobody waits for it.
    const { port1 } = new MessageChannel();
    const silent = Object.assign(port1, { terminate: async () => 0 }) as unknown as HashHelper;
    expect(await thread(async (file) => hashOf(file), silent).hashAll(files(5))).toEqual(files(5).map(hashOf));
  });

  it('fails the batch when the helper cannot read a file, and hashes what a failed helper took', async () => {
    const failing = channelHelper(async () => {
      throw new Error('The object k1 in b kept changing while it was read.');
    });
    const slowMain = async (file: FileRef) => {
      await nextTurn();
      return hashOf(file);
    };
    await expect(thread(slowMain, failing).hashAll(files(20))).rejects.toThrow('kept changing');

    const taken: string[] = [];
    let crash: (() => void) | undefined;
    const dying = channelHelper(async (file) => {
      taken.push(file.key);
      crash?.();
      return new Promise<LogFileHash>(() => undefined); // never answers: the thread died with the file
    });
    crash = () => (dying as unknown as { emit(event: string, code: number): void }).emit('exit', 1);
    const results = await thread(slowMain, dying).hashAll(files(20));
    expect(taken.length).toBeGreaterThan(0);
    expect(results).toEqual(files(20).map(hashOf));
  });
});
