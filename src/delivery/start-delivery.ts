// Builds and starts log file delivery with SNS-format notifications, for the composition root (src/app.ts).
import path from 'node:path';
import { DeliveryWorker, type DeliveryWorkerDeps } from './delivery-worker.js';
import { TOPICS_FILE, TopicsFile } from './notifications/topics-file.js';
import { TrailNotifier } from './notifications/trail-notifier.js';

export interface DeliverySettings extends Omit<DeliveryWorkerDeps, 'listener' | 'backoff' | 'limits' | 'passBudgetMs'> {
  dataDir: string;
  /** Signs notifications of topics without a secret of their own (docs/notifications.md). */
  notificationSigningKey: Uint8Array;
}

export function startDelivery(settings: DeliverySettings): DeliveryWorker {
  const { trails, clock, log } = settings;
  const notifier = new TrailNotifier({
    topics: new TopicsFile(path.join(settings.dataDir, TOPICS_FILE)),
    trails,
    clock,
    log,
    signingKey: settings.notificationSigningKey,
  });
  const worker = new DeliveryWorker({ ...settings, listener: notifier });
  worker.start();
  return worker;
}
