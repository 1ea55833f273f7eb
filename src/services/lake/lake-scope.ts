// The lake services' view of a call: its account, its region, the lake catalog, and the event log's position
// (a new event data store keeps only events after it).
import type { EventFeed } from '../../store/store.js';
import type { LakeCatalog } from '../../store/lake-store.js';

export interface LakeScope {
  catalog: LakeCatalog;
  eventFeed: Pick<EventFeed, 'lastSeq'>;
  accountId: string;
  region: string;
}
