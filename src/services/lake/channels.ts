// Channels (spec §4.10): named, regional routes from PutAuditEvents to event data stores. opentrail takes the
// `Custom` source only; each destination is an active event data store of the caller's that collects
// ActivityAuditLog events. At most 25 channels per region.
import crypto from 'node:crypto';
import { ServiceError } from '../../errors/service-error.js';
import { ChangedMeanwhile, decideOnCurrent } from '../decide-on-current.js';
import { lakeArn, parseLakeReference } from '../../domain/lake/lake-arn.js';
import { eventDataStoreKind } from '../../domain/lake/event-data-store-kind.js';
import type { ChannelDestination, StoredChannel } from '../../store/lake-store.js';
import { addTags, type TagInput } from '../trails/trail-tags.js';
import { checkActive, findEventDataStore } from './find-event-data-store.js';
import { checkLakeName } from './lake-names.js';
import type { LakeScope } from './lake-scope.js';
import { throwRefusal } from './placement-refusal.js';

export const MAX_CHANNELS_PER_REGION = 25;
export const MAX_DESTINATIONS = 200;
export const CUSTOM_SOURCE = 'Custom';

export interface NewChannel {
  Name: string;
  Source: string;
  Destinations: ChannelDestination[];
  Tags?: TagInput[] | undefined;
}

export async function createChannel(scope: LakeScope, request: NewChannel, now: Date): Promise<StoredChannel> {
  checkLakeName(request.Name, 'Channel');
  if (request.Source !== CUSTOM_SOURCE) {
    throw new ServiceError(
      'InvalidSourceException',
      `Source '${request.Source}' is not supported: opentrail has no partner integrations, so the source is Custom.`,
    );
  }
  const destinations = await checkDestinations(scope, request.Destinations);
  const fits = (others: readonly StoredChannel[]) => roomFor(request.Name, others, scope.region);
  throwRefusal(fits(await scope.catalog.listChannels(scope.accountId, scope.region)));
  const channel: StoredChannel = {
    arn: lakeArn('channel', scope.region, scope.accountId, crypto.randomUUID()),
    accountId: scope.accountId,
    region: scope.region,
    name: request.Name,
    source: CUSTOM_SOURCE,
    destinations,
    tags: addTags([], request.Tags ?? []),
    createdMs: now.getTime(),
    ingestion: {},
  };
  // Checked again as the channel is written: another creation may have taken the room meanwhile.
  throwRefusal(await scope.catalog.createChannel(channel, fits), () => alreadyExists(request.Name));
  return channel;
}

/** Why a new channel named `name` cannot join the region's others, if it cannot. */
function roomFor(name: string, others: readonly StoredChannel[], region: string): ServiceError | undefined {
  if (others.some((channel) => channel.name === name)) return alreadyExists(name);
  if (others.length >= MAX_CHANNELS_PER_REGION) {
    return new ServiceError('ChannelMaxLimitExceededException', `The account already has ${MAX_CHANNELS_PER_REGION} channels in ${region}.`);
  }
  return undefined;
}

export async function updateChannel(
  scope: LakeScope,
  reference: string,
  change: { Name?: string | undefined; Destinations?: ChannelDestination[] | undefined },
): Promise<StoredChannel> {
  return decideOnCurrent(async () => {
    const channel = await findChannel(scope, reference);
    if (change.Name !== undefined) checkLakeName(change.Name, 'Channel');
    const destinations = change.Destinations === undefined ? channel.destinations : await checkDestinations(scope, change.Destinations);
    const updated = { ...channel, name: change.Name ?? channel.name, destinations };
    await saveChangedChannel(scope, channel, updated);
    return updated;
  }, 'OperationNotPermittedException');
}

/**
 * Saves a channel the call read and changed; it may have been deleted, its new name taken, or the channel changed by
 * another call (ChangedMeanwhile, for decideOnCurrent) meanwhile.
 */
export async function saveChangedChannel(scope: LakeScope, read: StoredChannel, channel: StoredChannel): Promise<void> {
  const saved = await scope.catalog.saveChannel(channel, read);
  if (saved === 'gone') throw channelNotFound(channel.arn);
  if (saved === 'nameTaken') throw alreadyExists(channel.name);
  if (saved === 'changed') throw new ChangedMeanwhile(`The channel ${channel.arn}`);
}

export async function deleteChannel(scope: LakeScope, reference: string): Promise<void> {
  const channel = await findChannel(scope, reference);
  await scope.catalog.deleteChannel(channel.arn);
}

/** The channel a parameter names, of the caller's account in the request's region. */
export async function findChannel(scope: LakeScope, reference: string): Promise<StoredChannel> {
  const parsed = parseLakeReference('channel', reference, scope);
  if (!parsed) {
    throw new ServiceError(
      'ChannelARNInvalidException',
      `The value ${reference} is not a valid channel ARN or ID; an ARN has the form arn:aws:cloudtrail:<region>:<account-id>:channel/<id>.`,
    );
  }
  const found = parsed.accountId === scope.accountId && parsed.region === scope.region
    ? await scope.catalog.findChannel(parsed.arn)
    : undefined;
  if (!found) throw channelNotFound(parsed.arn);
  return found;
}

export function channelNotFound(arn: string): ServiceError {
  return new ServiceError('ChannelNotFoundException', `The channel ${arn} does not exist.`);
}

async function checkDestinations(scope: LakeScope, destinations: readonly ChannelDestination[]): Promise<ChannelDestination[]> {
  if (destinations.length < 1 || destinations.length > MAX_DESTINATIONS) {
    throw invalidParameter(`Destinations must hold 1 to ${MAX_DESTINATIONS} destinations; got ${destinations.length}.`);
  }
  const checked: ChannelDestination[] = [];
  for (const { Type, Location } of destinations) {
    if (Type !== 'EVENT_DATA_STORE') {
      throw invalidParameter(`Destination type '${Type}' is not supported: a Custom channel sends events to EVENT_DATA_STORE destinations.`);
    }
    const store = await findEventDataStore(scope, Location);
    checkActive(store);
    if (eventDataStoreKind(store.selectors) !== 'activityAuditLog') {
      throw new ServiceError(
        'InvalidEventDataStoreCategoryException',
        `The event data store ${store.arn} does not collect events from outside AWS; a channel's destinations must ` +
          'select eventCategory ActivityAuditLog.',
      );
    }
    if (checked.some((d) => d.Location === store.arn)) throw invalidParameter(`Destination ${store.arn} is listed twice.`);
    checked.push({ Type, Location: store.arn });
  }
  return checked;
}

function alreadyExists(name: string): ServiceError {
  return new ServiceError('ChannelAlreadyExistsException', `A channel named ${name} already exists in this region.`);
}

function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}
