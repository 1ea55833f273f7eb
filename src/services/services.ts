// The services operations may use, built once by the composition root (src/app.ts).
import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/store.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { HistoryTokenCodec } from './history/history-token.js';
import type { AuditEventSettings } from './lake/audit-event-settings.js';
import type { ChannelIngestionTracker } from './lake/channel-ingestion-tracker.js';
import type { IdentityServices } from './iam/identity-services.js';
import type { Signer } from '../crypto/signer.js';

export interface Services {
  store: Store;
  objects: ObjectStore;
  clock: Clock;
  retentionDays: number;
  historyTokens: HistoryTokenCodec;
  auditEvents: AuditEventSettings;
  channelIngestion: ChannelIngestionTracker;
  identity: IdentityServices;
  /** Signs digests and checkpoints; publishes the public keys (ListPublicKeys). */
  signer: Signer;
}
