// WAL checkpoints copy committed pages back into the database file and fsync it. Run by the committing connection,
// they stall the event loop for tens of milliseconds every few hundred commits, which is every caller's p99. A
// second connection on a worker thread checkpoints (PASSIVE: never blocks writers or readers) every few hundred
// milliseconds instead, so the WAL stays short and the writer's own automatic checkpoint is left as a backstop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
db.pragma('synchronous = FULL');
let timer;
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or locked: the next tick tries again */ }
  timer = setTimeout(tick, workerData.intervalMs);
};
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
tick();
`;

export class BackgroundCheckpoint {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  constructor(path: string, intervalMs = 250) {
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, intervalMs, driver: require.resolve('better-sqlite3') },
    });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    // Held again while it stops, or a process with nothing else to do would exit before the database is closed.
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await this.#exited;
  }
}
