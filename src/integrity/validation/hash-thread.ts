// A second thread for hashing log files read from the data dir: on a machine with two cores, a thousand small files
// take about half as long. Each batch of files is shared through one atomic counter that both threads take the next
// file from, so neither waits for the other however fast each is. The helper starts while the main thread is still
// starting up; a batch the main thread finishes before the helper joined it is closed to the helper, so a short run
// never waits for it; and if it fails, the main thread hashes whatever it took and did not answer.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { LogFileHash } from './sources.js';

const WORKER_SCRIPT = new URL('./hash-thread-entry.js', import.meta.url);

export interface FileRef {
  bucket: string;
  key: string;
}

/** Hashes one file; throws when it cannot be read (which fails the run, on either thread). */
export type HashOne = (file: FileRef) => Promise<LogFileHash>;

interface BatchRequest {
  batch: number;
  files: FileRef[];
  /** Int32Array over it: [the index of the next file to take, OPEN | JOINED | CLOSED]. */
  shared: SharedArrayBuffer;
}

const NEXT = 0;
const STATE = 1;
const OPEN = 0;
/** The helper takes part in the batch: the main thread waits for its answer. */
const JOINED = 1;
/** The main thread finished the batch before the helper joined: the helper leaves it alone. */
const CLOSED = 2;

type Answer = { index: number; hash: LogFileHash } | { index: number; error: string };

interface BatchAnswer {
  batch: number;
  answers: Answer[];
}

/** The helper as the main thread sees it: a Worker, or in tests anything that speaks the same messages. */
export type HashHelper = Pick<Worker, 'postMessage' | 'on' | 'removeAllListeners' | 'terminate'>;

/**
 * The helper thread, started now; undefined on one core, or from TypeScript sources (tests), as the compiled
 * worker script exists only in a build. `workerData`: what its entry script needs to hash (the store's folder).
 */
export function startHashHelper(workerData: unknown): HashHelper | undefined {
  const available = availableParallelism() > 1 && WORKER_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(WORKER_SCRIPT));
  return available ? new Worker(WORKER_SCRIPT, { workerData }) : undefined;
}

/** Worker side: takes files from each batch until none are left, then answers for the ones it took. */
export function serveHashBatches(port: Pick<MessagePort, 'postMessage' | 'on'>, hashOne: HashOne): void {
  let queue = Promise.resolve();
  port.on('message', (request: BatchRequest) => {
    queue = queue.then(async () => {
      const answers: Answer[] = [];
      const shared = new Int32Array(request.shared);
      if (Atomics.compareExchange(shared, STATE, OPEN, JOINED) !== OPEN) return;
      for (const index of claims(shared, request.files.length)) {
        try {
          answers.push({ index, hash: await hashOne(request.files[index]!) });
        } catch (err) {
          answers.push({ index, error: (err as Error).message });
        }
      }
      port.postMessage({ batch: request.batch, answers } satisfies BatchAnswer);
    });
  });
}

function* claims(shared: Int32Array, length: number): Generator<number> {
  for (let index = Atomics.add(shared, NEXT, 1); index < length; index = Atomics.add(shared, NEXT, 1)) yield index;
}

/** Main side: hashes batches here and, when it is running, in the helper thread at the same time. */
export class HashThread {
  readonly #hashOne: HashOne;
  readonly #helper: HashHelper | undefined;
  readonly #waiting = new Map<number, (answers: Answer[] | undefined) => void>();
  #batches = 0;
  #failed = false;

  /** `helper` hashes as `hashOne` does; without one, every file is hashed here. */
  constructor(hashOne: HashOne, helper: HashHelper | undefined) {
    this.#hashOne = hashOne;
    this.#helper = helper;
    this.#helper?.on('message', (answer: BatchAnswer) => {
      this.#waiting.get(answer.batch)?.(answer.answers);
      this.#waiting.delete(answer.batch);
    });
    // Whatever the helper took and did not answer, the main thread hashes after all.
    const giveUp = () => {
      this.#failed = true;
      for (const settle of this.#waiting.values()) settle(undefined);
      this.#waiting.clear();
    };
    this.#helper?.on('error', giveUp);
    this.#helper?.on('exit', giveUp);
  }

  async hashAll(files: readonly FileRef[]): Promise<LogFileHash[]> {
    const batch = ++this.#batches;
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const helped = this.#helper && !this.#failed
      ? new Promise<Answer[] | undefined>((resolve) => {
        this.#waiting.set(batch, resolve);
        this.#helper!.postMessage({ batch, files: [...files], shared: shared.buffer as SharedArrayBuffer } satisfies BatchRequest);
      })
      : undefined;
    const hashes = new Array<LogFileHash | undefined>(files.length);
    for (const index of claims(shared, files.length)) hashes[index] = await this.#hashOne(files[index]!);
    const joined = Atomics.compareExchange(shared, STATE, OPEN, CLOSED) === JOINED;
    if (!joined) this.#waiting.delete(batch);
    for (const answer of (joined ? await helped : undefined) ?? []) {
      if ('error' in answer) throw new Error(answer.error);
      hashes[answer.index] = answer.hash;
    }
    for (let index = 0; index < files.length; index++) hashes[index] ??= await this.#hashOne(files[index]!);
    return hashes as LogFileHash[];
  }

  async close(): Promise<void> {
    this.#helper?.removeAllListeners();
    // A helper that failed to start may still report it, after the run: that must not crash the process.
    this.#helper?.on('error', () => undefined);
    await this.#helper?.terminate();
  }
}
