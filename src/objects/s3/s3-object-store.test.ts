// The S3 object store passes the ObjectStore conformance suite against moto_server on loopback.
import { afterAll, beforeAll } from 'vitest';
import { objectStoreConformance } from '../conformance/object-store-conformance.js';
import { startMotoServer, type MotoServer } from '../conformance/moto-server.js';
import { S3ObjectStore } from './s3-object-store.js';

let moto: MotoServer | undefined;

beforeAll(async () => {
  moto = await startMotoServer();
});
afterAll(async () => {
  await moto?.stop();
});

objectStoreConformance(
  's3 (moto_server)',
  async () => {
    await moto!.reset();
    return new S3ObjectStore({
      endpoint: moto!.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
  },
);
