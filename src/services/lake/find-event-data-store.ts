// Finding the event data store a parameter names (spec §4.8): a malformed reference is
// EventDataStoreARNInvalidException; one of another account or region, or none at all, is not found.
import { ServiceError } from '../../errors/service-error.js';
import { ChangedMeanwhile } from '../decide-on-current.js';
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
 * stored, nor overwrite one it did not see. The last is ChangedMeanwhile, for decideOnCurrent.
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
  if (saved === 'changed') throw new ChangedMeanwhile(`The event data store ${store.arn}`);
  if (saved !== 'saved') throw saved;
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
