// validate-logs --direct: on the server's host, the data dir's object store, key ring and database themselves.
import path from 'node:path';
import type { OpentrailConfig } from '../../config.js';
import { DEFAULTS, ENV } from '../../config-names.js';
import { LocalKeyRing } from '../../crypto/local-key-ring.js';
import { filesystemStoreRoot } from '../../objects/fs-store-root.js';
import { openIntegrityReader } from '../../store/integrity-reader.js';
import { signedCheckpoints } from '../signed-checkpoints.js';
import type { ValidationBackend } from './backends.js';
import { FsStoreSource } from './fs-store-source.js';
import type { ObjectSource } from './sources.js';

export async function directBackend(dataDirFlag: string): Promise<ValidationBackend> {
  // Only what reading needs is loaded, all at once with this module: no zod (the settings are checked only when
  // the environment sets any), no object store unless it is S3, the database read only, without the rest of the
  // store. Start-up is most of a run.
  const settings = await directSettings(dataDirFlag);
  const dataDir = path.resolve(settings.dataDir);
  const source = settings.s3Endpoint ? await externalStoreSource({ ...settings, dataDir }) : new FsStoreSource(filesystemStoreRoot(dataDir));
  try {
    const store = await openIntegrityReader({ dataDir, ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}) });
    const ring = new LocalKeyRing({ dataDir, rotationMs: settings.keyRotationInterval * 1000, readOnly: true });
    return {
      async destination(trailArn) {
        const trail = await store.trails.findTrail(trailArn);
        return trail ? { bucket: trail.s3BucketName, prefix: trail.s3KeyPrefix } : undefined;
      },
      keys: { publicKeys: async (region, fromMs, toMs) => ring.publicKeys(region, fromMs, toMs) },
      objects: source,
      checkpoints: (trailArn) => signedCheckpoints(store.digestChains, ring, trailArn, Date.now())
        .catch((err: unknown) => `the data dir could not sign them: ${(err as Error).message}`),
      async close() {
        await source.close();
        await store.close();
      },
    };
  } catch (err) {
    await source.close();
    throw err;
  }
}

async function externalStoreSource(settings: DirectSettings): Promise<ObjectSource> {
  const [{ openObjectStore }, { StoreSource }] = await Promise.all([import('../../objects/open-object-store.js'), import('./store-source.js')]);
  return new StoreSource(await openObjectStore(settings));
}

type DirectSettings = Pick<OpentrailConfig, 'dataDir' | 'databaseUrl' | 'keyRotationInterval' | 's3Endpoint' | 's3AccessKeyId' | 's3SecretAccessKey' | 's3Region'>;

/** The server's settings, checked as it checks them when the environment sets any; otherwise its defaults. */
async function directSettings(dataDir: string): Promise<DirectSettings> {
  if (Object.values(ENV).some((variable) => variable !== ENV.dataDir && process.env[variable])) {
    return (await import('../../config.js')).resolveConfig({ dataDir });
  }
  return { dataDir, keyRotationInterval: DEFAULTS.keyRotationInterval };
}
