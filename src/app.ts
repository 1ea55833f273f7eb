// The composition root: the only place that picks implementations for the ports and wires services together.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { OpentrailConfig } from './config.js';
import { createLogger } from './logging.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { SecretBox } from './crypto/secret-box.js';
import { systemClock, type Clock } from './domain/clock.js';
import { ensureBootstrapIdentity, type BootstrapIdentity } from './services/bootstrap-identity.js';
import { HistoryTokenCodec } from './services/history/history-token.js';
import { Recorder } from './services/recorder.js';
import { RetentionPruner } from './services/history/retention-pruner.js';
import type { Services } from './services/services.js';
import { Authenticator } from './edge/authenticate.js';
import { CallPipeline } from './edge/call-pipeline.js';
import { createHttpServer } from './edge/http-server.js';
import { cloudTrailSurface } from './edge/surfaces/cloudtrail-surface.js';
import { S3_MAX_OBJECT_BYTES, s3Surface } from './edge/surfaces/s3-surface.js';
import { openObjectStore } from './objects/open-object-store.js';
import type { ObjectStore } from './objects/object-store.js';
import { startDelivery } from './delivery/start-delivery.js';
import { LakeWorker } from './lake/lake-worker.js';
import { ChannelIngestionTracker } from './services/lake/channel-ingestion-tracker.js';
import { cloudTrailDataSurface } from './edge/surfaces/cloudtrail-data-surface.js';
import { inlinePreparer, openAuditBatchPreparer, type AuditBatchPreparer } from './edge/surfaces/cloudtrail-data/audit-batch-threads.js';
import { iamSurface } from './edge/surfaces/iam-surface.js';
import { stsSurface } from './edge/surfaces/sts-surface.js';
import { Authorizer } from './services/access/authorizer.js';
import { BucketPolicies } from './services/access/bucket-policies.js';
import { KeyedLock } from './objects/fs/keyed-lock.js';
import { LocalKeyRing } from './crypto/local-key-ring.js';
import { startDigests } from './integrity/start-digests.js';
import { ServiceWriteRecorder } from './delivery/service-writes/service-write-recorder.js';
import { ServiceError } from './errors/service-error.js';

export interface RunningOpentrail {
  role: OpentrailConfig['role'];
  url: string;
  port: number;
  identity: BootstrapIdentity;
  store: Store;
  objects: ObjectStore;
  log: Logger;
  /** Stops taking requests, lets the ones in flight finish, commits everything, releases the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  /** Where PutAuditEvents bodies are checked (default: ingest threads when built, else inline); closed with the server. */
  auditBatches?: AuditBatchPreparer;
}

/** Request bodies above this are refused before any surface sees them. */
const BODY_LIMIT = 16 * 1024 * 1024;
/** PUT bodies (S3 PutObject) up to this: the largest object the S3 endpoint takes in one request. */
const PUT_BODY_LIMIT = S3_MAX_OBJECT_BYTES;

export async function startOpentrail(config: OpentrailConfig, options: StartOptions = {}): Promise<RunningOpentrail> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const dataDir = path.resolve(config.dataDir);
  // `api` processes answer calls; `worker` processes deliver, digest, fill event data stores and prune (and answer
  // only /health); `all` does both. Several of each share one store and object store (design.md).
  const serving = config.role !== 'worker';
  const working = config.role !== 'api';
  const store = await openStore({ dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  let objects: ObjectStore | undefined;
  let auditBatches: AuditBatchPreparer | undefined;
  try {
    objects = await openObjectStore({ ...config, dataDir });
    const secrets = SecretBox.forDataDir(dataDir);
    const identity = await ensureBootstrapIdentity({ ...config, dataDir }, store.credentials, secrets, clock);
    const authorizer = new Authorizer(store.identities.directory, clock);
    const bucketPolicies = new BucketPolicies(store.identities, authorizer.texts);
    const signer = new LocalKeyRing({ dataDir, rotationMs: config.keyRotationInterval * 1000 });
    const services: Services = {
      store,
      objects,
      clock,
      retentionDays: config.retentionDays,
      historyTokens: new HistoryTokenCodec(secrets.derive('lookup-events-next-token')),
      auditEvents: { inHistory: config.auditEventsInHistory, toTrails: config.auditEventsToTrails },
      channelIngestion: new ChannelIngestionTracker(store.lake),
      identity: { secrets, texts: authorizer.texts, bucketPolicies, accountWrites: new KeyedLock() },
      signer,
    };
    auditBatches = options.auditBatches ?? (serving ? openAuditBatchPreparer() : inlinePreparer);
    const pipeline = new CallPipeline({
      surfaces: [
        cloudTrailSurface(services), cloudTrailDataSurface(services, auditBatches), s3Surface({ ...services, bucketPolicies }),
        iamSurface(services), stsSurface(services),
      ],
      authenticator: new Authenticator(store.credentials, secrets, clock),
      authorizer,
      recorder: new Recorder(store.eventLog),
      clock,
      log,
    });
    const server = createHttpServer({
      pipeline, log, bodyLimit: BODY_LIMIT, putBodyLimit: PUT_BODY_LIMIT, health: async () => ({ status: 'ok', role: config.role }),
      ...(serving ? {} : { refusal: workerRefusal() }),
    });
    await server.listen({ host: config.host, port: config.port });
    const pruner = working ? new RetentionPruner(store.eventLog, clock, config.retentionDays, log) : undefined;
    pruner?.start();
    // CloudTrail's own writes into trail buckets become S3 data events, as in AWS (docs/log-file-delivery.md).
    const serviceWrites = new ServiceWriteRecorder(store.eventLog, objects, clock);
    const delivery = !working ? undefined : startDelivery({
      feed: store.deliveryFeed,
      ledger: store.deliveryLedger,
      trails: store.trails,
      objects,
      clock,
      log,
      dataDir,
      intervalSeconds: config.logFileInterval,
      serviceWrites,
      notificationSigningKey: secrets.derive('sns-notification-signature'),
    });
    const lake = !working ? undefined : new LakeWorker({
      feed: store.eventFeed, catalog: store.lake, events: store.lakeEvents, clock, log,
    });
    lake?.start();
    const digests = !working ? undefined : startDigests({ store, objects, signer, clock, log, intervalSeconds: config.digestInterval, serviceWrites });
    const port = (server.server.address() as AddressInfo).port;
    return {
      role: config.role,
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      identity,
      store,
      objects,
      log,
      async close() {
        await pruner?.stop();
        await server.close();
        await auditBatches?.close();
        await delivery?.stop();
        await lake?.stop();
        await services.channelIngestion.flush();
        await digests?.stop();
        await objects?.close();
        await store.close();
      },
    };
  } catch (err) {
    await auditBatches?.close();
    await objects?.close();
    await store.close();
    throw err;
  }
}

function workerRefusal(): ServiceError {
  return new ServiceError(
    'ServiceUnavailable',
    'This opentrail process runs with --role worker: it delivers, signs digests and fills event data stores, and answers ' +
      'no API calls. Send them to a process of role api or all.',
  );
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
