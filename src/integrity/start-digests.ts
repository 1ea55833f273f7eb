// Builds and starts the digest worker, for the composition root (src/app.ts).
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import type { Signer } from '../crypto/signer.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { Store } from '../store/store.js';
import { DigestWorker } from './digest-worker.js';
import type { ServiceWriteRecorder } from '../delivery/service-writes/service-write-recorder.js';

export interface DigestSettings {
  store: Store;
  objects: ObjectStore;
  signer: Signer;
  clock: Clock;
  log: Logger;
  intervalSeconds: number;
  serviceWrites?: ServiceWriteRecorder;
}

export function startDigests(settings: DigestSettings): DigestWorker {
  const { store, ...rest } = settings;
  const worker = new DigestWorker({
    ...rest,
    trails: store.trails,
    ledger: store.deliveryLedger,
    feed: store.eventFeed,
    chains: store.digestChains,
  });
  worker.start();
  return worker;
}
