// Where `opentrail validate-logs` gets what it checks, in its three modes: online (the CloudTrail and S3 APIs of
// opentrail or of the store it writes to), offline (a downloaded copy of the bucket with exported public keys and
// checkpoint), and direct (the data dir's object store, key ring and database, on the server's host).
import path from 'node:path';
import type { AwsCredentialIdentity } from '@smithy/types';
import { OPENTRAIL_TARGET_PREFIX } from '../../operations/opentrail/target-prefix.js';
import type { CheckpointWire } from '../signed-checkpoints.js';
import type { OpentrailConfig } from '../../config.js';
import { DEFAULTS, ENV } from '../../config-names.js';
import type { JsonApiSettings } from './json-api-client.js';
import { FolderSource } from './folder-source.js';
import { PublicKeyFileSource, trustedKeyOf } from './key-files.js';
import type { KeySource, ObjectSource } from './sources.js';

const CLOUDTRAIL_TARGET = 'CloudTrail_20131101';

export type ValidationMode =
  | { kind: 'online'; cloudTrailEndpoint: string; s3Endpoint: string; credentials: () => Promise<AwsCredentialIdentity> }
  | { kind: 'offline'; dir: string; publicKeysFile: string }
  | { kind: 'direct'; dataDir: string };

export interface TrailDestination {
  bucket: string;
  prefix?: string | undefined;
}

export interface ValidationBackend {
  /** undefined when there is no such trail; throws when the mode cannot tell (offline: pass --s3-bucket). */
  destination(trailArn: string): Promise<TrailDestination | undefined>;
  keys: KeySource;
  objects: ObjectSource;
  /** The trail's signed checkpoints; undefined, with the reason, when this backend has none to offer. */
  checkpoints(trailArn: string): Promise<CheckpointWire[] | string>;
  close(): Promise<void>;
}

export async function openBackend(mode: ValidationMode, region: string): Promise<ValidationBackend> {
  if (mode.kind === 'online') return onlineBackend(mode, region);
  if (mode.kind === 'offline') return offlineBackend(mode);
  return directBackend(mode.dataDir);
}

async function onlineBackend(mode: Extract<ValidationMode, { kind: 'online' }>, region: string): Promise<ValidationBackend> {
  const api: JsonApiSettings = { endpoint: mode.cloudTrailEndpoint, region, credentials: mode.credentials };
  // Loaded only here: the SDKs are most of the command's start-up time, and the other modes never need them.
  const [{ S3Source }, { callJsonApi }] = await Promise.all([import('./s3-source.js'), import('./json-api-client.js')]);
  const objects = new S3Source({ endpoint: mode.s3Endpoint, region, credentials: mode.credentials, maxAttempts: 3 });
  return {
    async destination(trailArn) {
      const { trailList } = (await callJsonApi(api, `${CLOUDTRAIL_TARGET}.DescribeTrails`, {})) as { trailList?: Array<Record<string, unknown>> };
      const trail = (trailList ?? []).find((t) => t.TrailARN === trailArn);
      if (!trail) return undefined;
      return { bucket: String(trail.S3BucketName), prefix: typeof trail.S3KeyPrefix === 'string' && trail.S3KeyPrefix ? trail.S3KeyPrefix : undefined };
    },
    keys: {
      async publicKeys(keyRegion, fromMs, toMs) {
        const { PublicKeyList } = (await callJsonApi({ ...api, region: keyRegion }, `${CLOUDTRAIL_TARGET}.ListPublicKeys`, {
          StartTime: Math.floor(fromMs / 1000), EndTime: Math.ceil(toMs / 1000),
        })) as { PublicKeyList?: Array<{ Value: string; Fingerprint: string }> };
        return (PublicKeyList ?? []).map(trustedKeyOf);
      },
    },
    objects,
    async checkpoints(trailArn) {
      try {
        const answer = await callJsonApi(api, `${OPENTRAIL_TARGET_PREFIX}.GetDigestCheckpoint`, { TrailARN: trailArn });
        return (answer as { Checkpoints: CheckpointWire[] }).Checkpoints;
      } catch (err) {
        return `the service gave none: ${(err as Error).message}`;
      }
    },
    async close() {
      objects.close();
    },
  };
}

function offlineBackend(mode: Extract<ValidationMode, { kind: 'offline' }>): ValidationBackend {
  return {
    async destination() {
      throw new Error('--offline needs --s3-bucket (and --s3-prefix when the trail has one)');
    },
    keys: new PublicKeyFileSource(mode.publicKeysFile),
    objects: new FolderSource(mode.dir),
    async checkpoints() {
      return 'no --checkpoint file';
    },
    async close() {},
  };
}

async function directBackend(dataDirFlag: string): Promise<ValidationBackend> {
  // Only what reading needs is loaded: no zod (the settings are checked only when the environment sets any), no
  // object store unless it is S3, the database read only, without the rest of the store. Start-up is most of a run.
  const settings = await directSettings(dataDirFlag);
  const dataDir = path.resolve(settings.dataDir);
  // The objects first: the filesystem's source starts its hashing thread, which then starts up while this one does.
  const objects = settings.s3Endpoint ? await externalStoreSource({ ...settings, dataDir }) : await filesystemStoreSource(dataDir);
  try {
    const [{ openIntegrityReader }, { LocalKeyRing }, { signedCheckpoints }] = await Promise.all([
      import('../../store/integrity-reader.js'), import('../../crypto/local-key-ring.js'), import('../signed-checkpoints.js'),
    ]);
    const store = await openIntegrityReader({ dataDir, ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}) });
    const ring = new LocalKeyRing({ dataDir, rotationMs: settings.keyRotationInterval * 1000 });
    return {
      async destination(trailArn) {
        const trail = await store.trails.findTrail(trailArn);
        return trail ? { bucket: trail.s3BucketName, prefix: trail.s3KeyPrefix } : undefined;
      },
      keys: { publicKeys: async (region, fromMs, toMs) => ring.publicKeys(region, fromMs, toMs) },
      objects,
      checkpoints: (trailArn) => signedCheckpoints(store.digestChains, ring, trailArn, Date.now()),
      async close() {
        await objects.close();
        await store.close();
      },
    };
  } catch (err) {
    await objects.close();
    throw err;
  }
}

async function externalStoreSource(settings: DirectSettings): Promise<ObjectSource> {
  const [{ openObjectStore }, { StoreSource }] = await Promise.all([import('../../objects/open-object-store.js'), import('./store-source.js')]);
  return new StoreSource(await openObjectStore(settings));
}

async function filesystemStoreSource(dataDir: string): Promise<ObjectSource> {
  const [{ filesystemStoreRoot }, { FsStoreSource }] = await Promise.all([import('../../objects/fs-store-root.js'), import('./fs-store-source.js')]);
  return new FsStoreSource(filesystemStoreRoot(dataDir), { helper: true });
}

type DirectSettings = Pick<OpentrailConfig, 'dataDir' | 'databaseUrl' | 'keyRotationInterval' | 's3Endpoint' | 's3AccessKeyId' | 's3SecretAccessKey' | 's3Region'>;

/** The server's settings, checked as it checks them when the environment sets any; otherwise its defaults. */
async function directSettings(dataDir: string): Promise<DirectSettings> {
  if (Object.values(ENV).some((variable) => variable !== ENV.dataDir && process.env[variable])) {
    return (await import('../../config.js')).resolveConfig({ dataDir });
  }
  return { dataDir, keyRotationInterval: DEFAULTS.keyRotationInterval };
}
