// Picks the ObjectStore backend from the configuration: an S3-compatible store when OPENTRAIL_S3_ENDPOINT is set,
// otherwise the filesystem under `<data-dir>/objects/`.
import type { ObjectStore } from './object-store.js';
import { FsObjectStore } from './fs/fs-object-store.js';
import { filesystemStoreRoot } from './fs-store-root.js';

export interface ObjectStoreSettings {
  dataDir: string;
  s3Endpoint?: string;
  s3AccessKeyId?: string;
  s3SecretAccessKey?: string;
  s3Region?: string;
}

export async function openObjectStore(settings: ObjectStoreSettings): Promise<ObjectStore> {
  if (!settings.s3Endpoint) return FsObjectStore.open(filesystemStoreRoot(settings.dataDir));
  if (Boolean(settings.s3AccessKeyId) !== Boolean(settings.s3SecretAccessKey)) {
    throw new Error('Set both OPENTRAIL_S3_ACCESS_KEY_ID and OPENTRAIL_S3_SECRET_ACCESS_KEY, or neither (then the AWS SDK finds credentials).');
  }
  // Loaded only for an S3 store: the SDK is most of the start-up time of the commands that open the store.
  const { S3ObjectStore } = await import('./s3/s3-object-store.js');
  return new S3ObjectStore({
    endpoint: settings.s3Endpoint,
    ...(settings.s3Region ? { region: settings.s3Region } : {}),
    ...(settings.s3AccessKeyId && settings.s3SecretAccessKey
      ? { credentials: { accessKeyId: settings.s3AccessKeyId, secretAccessKey: settings.s3SecretAccessKey } }
      : {}),
  });
}
