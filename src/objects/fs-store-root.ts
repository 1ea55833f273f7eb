// Where the filesystem object store keeps its buckets under the data dir: its own file, so that readers of the store
// (validate-logs --direct) need not load the store to find it.
import path from 'node:path';

export function filesystemStoreRoot(dataDir: string): string {
  return path.join(dataDir, 'objects');
}
