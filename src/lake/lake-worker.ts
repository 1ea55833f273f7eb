// Fills event data stores from the event log (design.md, "The life of one event"): one cursor over the log for all
// stores, each page's kept events written together with the cursor, so that a crash repeats a page rather than
// losing or doubling it. Also applies each store's retention and purges stores 7 days after DeleteEventDataStore.
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import type { CloudTrailRecord } from '../domain/record.js';
import { receivingStore, storeReceives, type LakeEventView, type ReceivingStore } from '../domain/lake/store-receives.js';
import type { EventFeed } from '../store/store.js';
import type { LakeCandidate, LakeCatalog, LakeEvents, Membership, StoredEventDataStore } from '../store/lake-store.js';
import { PENDING_DELETION_DAYS } from '../services/lake/event-data-stores.js';

const DAY_MS = 86_400_000;

export interface LakeWorkerDeps {
  feed: Pick<EventFeed, 'lastSeq'>;
  catalog: LakeCatalog;
  events: LakeEvents;
  clock: Clock;
  log: Logger;
  /** How long the worker rests when it has caught up with the log. */
  idleMs?: number;
  /** How often retention and purging run. */
  maintenanceMs?: number;
  pageSize?: number;
}

export class LakeWorker {
  readonly #deps: LakeWorkerDeps;
  readonly #compiled = new Map<string, { basis: string; receiving: ReceivingStore }>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopping = false;
  #lastMaintenanceMs = -Infinity;

  constructor(deps: LakeWorkerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** One page of the event log; returns how many events it read (0 when caught up). */
  async runOnce(): Promise<number> {
    const { feed, catalog, events } = this.#deps;
    const cursor = await events.cursor();
    const ingesting = (await catalog.allEventDataStores()).filter((store) => store.status === 'ENABLED');
    // No store wants anything at or before the lowest creation point: skip that stretch without reading it.
    const from = Math.max(cursor, Math.min(...ingesting.map((store) => store.fromSeq), Infinity));
    if (!Number.isFinite(from)) {
      const last = await feed.lastSeq();
      if (last > cursor) await events.keep([], last);
      return 0;
    }
    const page = await events.candidatesAfter(from, this.#deps.pageSize ?? 1000);
    const last = page.at(-1);
    if (!last) {
      if (from > cursor) await events.keep([], from);
      return 0;
    }
    await events.keep(await this.#members(page, ingesting), last.seq);
    return page.length;
  }

  /** Drops events past each store's retention, and purges stores whose pending deletion has run out. */
  async maintain(): Promise<void> {
    const { catalog, events, clock, log } = this.#deps;
    const nowMs = clock.now().getTime();
    for (const store of await catalog.allEventDataStores()) {
      if (store.status === 'PENDING_DELETION') {
        if (nowMs - (store.deletedMs ?? nowMs) >= PENDING_DELETION_DAYS * DAY_MS) {
          await catalog.purgeEventDataStore(store.arn);
          log.info({ eventDataStore: store.arn }, 'purged an event data store after its pending deletion');
        }
        continue;
      }
      await events.dropBefore(store.arn, nowMs - store.retentionPeriod * DAY_MS);
    }
  }

  async #members(page: readonly LakeCandidate[], stores: readonly StoredEventDataStore[]): Promise<Membership[]> {
    const receiving = stores.map((store) => this.#receiving(store));
    let destinations: Map<string, string[]> | undefined;
    const destinationsOf = (channelArn: string): readonly string[] => destinations?.get(channelArn) ?? [];
    // Only events stored before their channel's destinations were kept with them need the channels of now.
    if (page.some((candidate) => candidate.channelArn !== undefined && candidate.channelStores === undefined)) {
      const channels = await this.#deps.catalog.allChannels();
      destinations = new Map(channels.map((c) => [c.arn, c.destinations.map((d) => d.Location)]));
    }
    const members: Membership[] = [];
    for (const candidate of page) {
      const event = eventView(candidate);
      for (const store of receiving) {
        if (storeReceives(store, event, destinationsOf)) members.push({ storeArn: store.store.arn, seq: candidate.seq });
      }
    }
    return members;
  }

  #receiving(store: StoredEventDataStore): ReceivingStore {
    const basis = JSON.stringify([store.status, store.selectors, store.multiRegionEnabled, store.fromSeq]);
    const cached = this.#compiled.get(store.arn);
    if (cached?.basis === basis) return { ...cached.receiving, store };
    const receiving = receivingStore(store);
    this.#compiled.set(store.arn, { basis, receiving });
    return receiving;
  }

  #schedule(delayMs: number): void {
    if (this.#stopping) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#pass().finally(() => {
        this.#running = undefined;
      });
    }, delayMs);
  }

  async #pass(): Promise<void> {
    let read = 0;
    try {
      const nowMs = this.#deps.clock.now().getTime();
      if (nowMs - this.#lastMaintenanceMs >= (this.#deps.maintenanceMs ?? 10 * 60_000)) {
        this.#lastMaintenanceMs = nowMs;
        await this.maintain();
      }
      read = await this.runOnce();
    } catch (err) {
      this.#deps.log.error({ err }, 'the lake worker failed a pass; it will retry');
    }
    this.#schedule(read > 0 ? 0 : this.#deps.idleMs ?? 250);
  }
}

/** The candidate with its record parsed at most once, and only if a store's selectors ask for it. */
function eventView(candidate: LakeCandidate): LakeEventView {
  let record: CloudTrailRecord | undefined;
  return {
    ...candidate,
    record() {
      if (record === undefined && candidate.json !== undefined) record = JSON.parse(candidate.json) as CloudTrailRecord;
      return record;
    },
  };
}
