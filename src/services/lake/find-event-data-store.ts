// Finding the event data store a parameter names (spec §4.8): a malformed reference is
// EventDataStoreARNInvalidException; one of another account or region, or none at all, is not found.
import { ServiceError } from '../../errors/service-error.js';
import { parseLakeReference } from '../../domain/lake/lake-arn.js';
import type { StoredEventDataStore } from '../../store/lake-store.js';
import type { PlacementCheck } from '../../store/placement-check.js';
import type { LakeScope } from './lake-scope.js';

export async function findEventDataStore(scope: LakeScope, reference: string): Promise<StoredEventDataStore> {
  const parsed = parseLakeReference('eventdatastore', reference, scope);
  if (!parsed) {
    throw new ServiceError(
      'EventDataStoreARNInvalidException',
      `The value ${reference} is not a valid event data store ARN or ID; an ARN has the form ` +
        'arn:aws:cloudtrail:<region>:<account-id>:eventdatastore/<id>.',
    );
  }
  const found = parsed.accountId === scope.accountId && parsed.region === scope.region
    ? await scope.catalog.findEventDataStore(parsed.arn)
    : undefined;
  if (!found) throw eventDataStoreNotFound(parsed.arn);
  return found;
}

/**
 * Saves a store the call read and changed. Between the read and the write the store may have been deleted and
 * purged, another store renamed to the new name, or the store changed by another call (a DeleteEventDataStore
 * racing an UpdateEventDataStore must not bring the store back): the call must not answer success for a change never
 * stored, nor overwrite one it did not see. The last is StoreChangedMeanwhile, which decideOnCurrent answers.
 */
export async function saveChangedEventDataStore(
  scope: LakeScope,
  read: StoredEventDataStore,
  store: StoredEventDataStore,
  check?: PlacementCheck<StoredEventDataStore, ServiceError>,
): Promise<void> {
  const saved = await scope.catalog.saveEventDataStore(store, check, read);
  if (saved === 'gone') throw eventDataStoreNotFound(store.arn);
  if (saved === 'nameTaken') throw eventDataStoreNameTaken(store.name);
  if (saved === 'changed') throw new StoreChangedMeanwhile(store.arn);
  if (saved !== 'saved') throw saved;
}

class StoreChangedMeanwhile extends Error {
  constructor(readonly arn: string) {
    super(`the event data store ${arn} changed since it was read`);
  }
}

const ATTEMPTS = 5;

/**
 * Runs a call's read-check-write of one store again when another call changed the store in between, so that the
 * call decides on the store as it is now (a store deleted meanwhile is then InactiveEventDataStoreException).
 */
export async function decideOnCurrent<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof StoreChangedMeanwhile)) throw err;
      if (n >= ATTEMPTS) {
        throw new ServiceError('ConflictException', `The event data store ${err.arn} is being changed by other calls; try again.`);
      }
    }
  }
}

export function eventDataStoreNameTaken(name: string): ServiceError {
  return new ServiceError('EventDataStoreAlreadyExistsException', `An event data store named ${name} already exists in this region.`);
}

export function eventDataStoreNotFound(arn: string): ServiceError {
  return new ServiceError('EventDataStoreNotFoundException', `The event data store ${arn} does not exist.`);
}

/** Changes are refused on a store that waits for deletion (spec §4.8). */
export function checkActive(store: StoredEventDataStore): void {
  if (store.status === 'PENDING_DELETION') {
    throw new ServiceError(
      'InactiveEventDataStoreException',
      `The event data store ${store.arn} is pending deletion; restore it with RestoreEventDataStore first.`,
    );
  }
}
