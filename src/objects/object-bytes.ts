// For callers that want an object whole in memory (digest and log file readers): the port itself hands out streams,
// so that large objects are never buffered by default.
import type { ObjectInfo, ObjectStore } from './object-store.js';

export async function readObjectBytes(store: ObjectStore, bucket: string, key: string): Promise<{ info: ObjectInfo; bytes: Buffer }> {
  const { info, body } = await store.getObject(bucket, key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return { info, bytes: Buffer.concat(chunks) };
}
