// The life of an event data store (spec §4.8): created ingesting (or stopped), updated, stopped and started,
// deleted into a 7-day PENDING_DELETION from which RestoreEventDataStore brings it back, then purged by the lake
// worker. At most 10 live stores per account and region.
import crypto from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { lakeArn } from '../../domain/lake/lake-arn.js';
import { defaultEventDataStoreSelectors, eventDataStoreKind } from '../../domain/lake/event-data-store-kind.js';
import type { StoredEventDataStore } from '../../store/lake-store.js';
import { checkTags, MAX_TAGS_PER_RESOURCE, type TagInput } from '../trails/trail-tags.js';
import { applyEventDataStoreSettings, type EventDataStoreSettingsMembers } from './event-data-store-settings.js';
import { decideOnCurrent } from '../decide-on-current.js';
import {
  checkActive, eventDataStoreNameTaken, findEventDataStore, saveChangedEventDataStore,
} from './find-event-data-store.js';
import { checkLakeName } from './lake-names.js';
import { throwRefusal } from './placement-refusal.js';
import type { LakeScope } from './lake-scope.js';

export const MAX_EVENT_DATA_STORES_PER_REGION = 10;
export const PENDING_DELETION_DAYS = 7;

export interface NewEventDataStore extends EventDataStoreSettingsMembers {
  Name: string;
  TagsList?: TagInput[] | undefined;
  StartIngestion?: boolean | undefined;
}

export async function createEventDataStore(scope: LakeScope, request: NewEventDataStore, now: Date): Promise<StoredEventDataStore> {
  checkLakeName(request.Name, 'Event data store');
  const settings = applyEventDataStoreSettings(undefined, request, scope);
  const selectors = settings.selectors.length > 0 ? settings.selectors : defaultEventDataStoreSelectors();
  // A store of channel events has no ingestion switch (StartEventDataStoreIngestion refuses it), so it could never be
  // started: created stopped, it would take no event for good.
  if (request.StartIngestion === false && eventDataStoreKind(selectors) !== 'cloudtrail') {
    throw new ServiceError(
      'InvalidParameterException',
      'StartIngestion can only be false for a store of CloudTrail events; a store of ActivityAuditLog events takes its ' +
        "channels' events from its creation.",
    );
  }
  const fits = (others: readonly StoredEventDataStore[]) => roomFor(request.Name, others, scope.region);
  throwRefusal(fits(await scope.catalog.listEventDataStores(scope.accountId, scope.region)));
  const store: StoredEventDataStore = {
    arn: lakeArn('eventdatastore', scope.region, scope.accountId, crypto.randomUUID()),
    accountId: scope.accountId,
    region: scope.region,
    name: request.Name,
    status: request.StartIngestion === false ? 'STOPPED_INGESTION' : 'ENABLED',
    ...settings,
    selectors,
    tags: storeTags(request.TagsList ?? []),
    createdMs: now.getTime(),
    updatedMs: now.getTime(),
    fromSeq: await scope.eventFeed.lastSeq(),
  };
  // Checked again as the store is written: another creation may have taken the room meanwhile.
  throwRefusal(await scope.catalog.createEventDataStore(store, fits), () => eventDataStoreNameTaken(request.Name));
  return store;
}

export async function updateEventDataStore(
  scope: LakeScope,
  reference: string,
  members: EventDataStoreSettingsMembers & { Name?: string | undefined },
  now: Date,
): Promise<StoredEventDataStore> {
  return decideOnCurrent(async () => {
    const current = await findEventDataStore(scope, reference);
    checkActive(current);
    if (Object.values(members).every((value) => value === undefined)) {
      throw new ServiceError('InvalidParameterException', 'UpdateEventDataStore needs at least one member to change besides EventDataStore.');
    }
    if (members.Name !== undefined) checkLakeName(members.Name, 'Event data store');
    const settings = applyEventDataStoreSettings(current, members, scope);
    const updated = { ...current, ...settings, name: members.Name ?? current.name, updatedMs: now.getTime() };
    await saveChangedEventDataStore(scope, current, updated);
    return updated;
  });
}

export async function deleteEventDataStore(scope: LakeScope, reference: string, now: Date): Promise<void> {
  return decideOnCurrent(async () => {
    const store = await findEventDataStore(scope, reference);
    checkActive(store);
    if (store.terminationProtectionEnabled) {
      throw new ServiceError(
        'EventDataStoreTerminationProtectedException',
        `The event data store ${store.arn} has termination protection; turn it off with UpdateEventDataStore ` +
          '--no-termination-protection-enabled first.',
      );
    }
    const channels = await scope.catalog.listChannels(scope.accountId, scope.region);
    const feeding = channels.find((channel) => channel.destinations.some((d) => d.Location === store.arn));
    if (feeding) {
      throw new ServiceError(
        'ChannelExistsForEDSException',
        `The channel ${feeding.arn} sends events to ${store.arn}; delete the channel or change its destinations first.`,
      );
    }
    await saveChangedEventDataStore(scope, store, {
      ...store, status: 'PENDING_DELETION', statusBeforeDeletion: store.status, deletedMs: now.getTime(), updatedMs: now.getTime(),
    });
  });
}

export async function restoreEventDataStore(scope: LakeScope, reference: string, now: Date): Promise<StoredEventDataStore> {
  return decideOnCurrent(async () => {
    const store = await findEventDataStore(scope, reference);
    if (store.status !== 'PENDING_DELETION') {
      throw invalidStatus(`The event data store ${store.arn} is ${store.status}; only a store pending deletion can be restored.`);
    }
    const fits = (others: readonly StoredEventDataStore[]) => roomFor(undefined, others, scope.region);
    throwRefusal(fits((await scope.catalog.listEventDataStores(scope.accountId, scope.region)).filter((other) => other.arn !== store.arn)));
    const { deletedMs: _deleted, statusBeforeDeletion, ...rest } = store;
    const restored: StoredEventDataStore = { ...rest, status: statusBeforeDeletion ?? 'ENABLED', updatedMs: now.getTime() };
    await saveChangedEventDataStore(scope, store, restored, fits);
    return restored;
  }, 'OperationNotPermittedException');
}

/** Start (`ENABLED`) or stop (`STOPPED_INGESTION`) ingestion; only stores of CloudTrail events have that switch. */
export async function setIngestion(scope: LakeScope, reference: string, start: boolean, now: Date): Promise<void> {
  return decideOnCurrent(async () => {
    const store = await findEventDataStore(scope, reference);
    if (eventDataStoreKind(store.selectors) !== 'cloudtrail') {
      throw new ServiceError(
        'InvalidEventDataStoreCategoryException',
        `The event data store ${store.arn} collects events from channels (ActivityAuditLog); ingestion can only be ` +
          'started and stopped on stores of CloudTrail events.',
      );
    }
    const required = start ? 'STOPPED_INGESTION' : 'ENABLED';
    if (store.status !== required) {
      throw invalidStatus(`The event data store ${store.arn} is ${store.status}; it must be ${required} to ${start ? 'start' : 'stop'} ingestion.`);
    }
    await saveChangedEventDataStore(scope, store, { ...store, status: start ? 'ENABLED' : 'STOPPED_INGESTION', updatedMs: now.getTime() });
  });
}

/** CreateEventDataStore's model has no TagsLimitExceededException: too many tags are a bad tag parameter there. */
function storeTags(tags: readonly TagInput[]) {
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw new ServiceError('InvalidTagParameterException', `An event data store can have at most ${MAX_TAGS_PER_RESOURCE} tags; got ${tags.length}.`);
  }
  return checkTags(tags);
}

/** Why a store (named `name`, when new) cannot join the region's others: its name taken, or no room for a live one. */
function roomFor(name: string | undefined, others: readonly StoredEventDataStore[], region: string): ServiceError | undefined {
  const live = others.filter((store) => store.status !== 'PENDING_DELETION');
  if (name !== undefined && live.some((store) => store.name === name)) return eventDataStoreNameTaken(name);
  if (live.length >= MAX_EVENT_DATA_STORES_PER_REGION) return tooMany(region);
  return undefined;
}

function tooMany(region: string): ServiceError {
  return new ServiceError(
    'EventDataStoreMaxLimitExceededException',
    `The account already has ${MAX_EVENT_DATA_STORES_PER_REGION} event data stores in ${region}.`,
  );
}

function invalidStatus(message: string): ServiceError {
  return new ServiceError('InvalidEventDataStoreStatusException', message);
}
