// validate-logs --offline: a downloaded copy of the bucket, with the public keys (and checkpoint) exported to files.
import type { ModeOf, ValidationBackend } from './backends.js';
import { FolderSource } from './folder-source.js';
import { PublicKeyFileSource } from './key-files.js';

export function offlineBackend(mode: ModeOf<'offline'>): ValidationBackend {
  return {
    async destination() {
      throw new Error('--offline needs --s3-bucket (and --s3-prefix when the trail has one)');
    },
    keys: new PublicKeyFileSource(mode.publicKeysFile),
    objects: new FolderSource(mode.dir, mode.bucket),
    async checkpoints() {
      return 'no --checkpoint file';
    },
    async close() {},
  };
}
