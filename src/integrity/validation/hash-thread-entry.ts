// Entry point of the hashing thread (see hash-thread.ts): hashes log files of the data dir's filesystem store.
import { parentPort, workerData } from 'node:worker_threads';
import { serveHashBatches } from './hash-thread.js';
import { FsStoreSource } from './fs-store-source.js';

if (parentPort) {
  const source = new FsStoreSource(workerData as string, { helper: false });
  serveHashBatches(parentPort, (file) => source.hashLogFile(file.bucket, file.key));
}
