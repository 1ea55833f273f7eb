// Where `opentrail validate-logs` gets what it checks, in its three modes: online (the CloudTrail and S3 APIs of
// opentrail or of the store it writes to), offline (a downloaded copy of the bucket with exported public keys and
// checkpoint), and direct (the data dir's object store, key ring and database, on the server's host).
// Each mode's backend is loaded only when it runs: what one mode needs (the SDKs online) must not slow the others.
import type { AwsCredentialIdentity } from '@smithy/types';
import type { CheckpointWire } from '../signed-checkpoints.js';
import type { KeySource, ObjectSource } from './sources.js';

export type ValidationMode =
  | { kind: 'online'; cloudTrailEndpoint: string; s3Endpoint: string; credentials: () => Promise<AwsCredentialIdentity> }
  | { kind: 'offline'; dir: string; publicKeysFile: string; /** The bucket DIR is a copy of. */ bucket?: string | undefined }
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

export type ModeOf<K extends ValidationMode['kind']> = Extract<ValidationMode, { kind: K }>;

export async function openBackend(mode: ValidationMode, region: string): Promise<ValidationBackend> {
  if (mode.kind === 'online') return (await import('./online-backend.js')).onlineBackend(mode, region);
  if (mode.kind === 'offline') return (await import('./offline-backend.js')).offlineBackend(mode);
  return (await import('./direct-backend.js')).directBackend(mode.dataDir);
}
