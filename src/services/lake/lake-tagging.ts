// AddTags, RemoveTags and ListTags on event data stores and channels (spec §4.7): a well-formed ARN of either is
// answered here; anything else is left to the trail tagging, which also names the malformed ones.
import { ServiceError } from '../../errors/service-error.js';
import { parseLakeReference } from '../../domain/lake/lake-arn.js';
import type { TrailTag } from '../../store/trail-store.js';
import { MAX_TAGS_PER_RESOURCE } from '../trails/trail-tags.js';
import { decideOnCurrent } from '../decide-on-current.js';
import { checkActive, eventDataStoreNotFound, saveChangedEventDataStore } from './find-event-data-store.js';
import { channelNotFound, saveChangedChannel } from './channels.js';
import type { LakeScope } from './lake-scope.js';

interface LakeTagged {
  arn: string;
  tags: TrailTag[];
  save(tags: TrailTag[]): Promise<void>;
}

/**
 * The store or channel the ARN names; undefined when it is not an event data store or channel ARN at all.
 * `channelMissing`: the error for a channel that does not exist (ListTags' model has no ChannelNotFoundException).
 */
async function findLakeTagged(
  scope: LakeScope,
  resourceId: string,
  channelMissing: (resourceId: string) => ServiceError = channelNotFound,
): Promise<LakeTagged | undefined> {
  if (!resourceId.startsWith('arn:')) return undefined;
  const { catalog } = scope;
  const store = parseLakeReference('eventdatastore', resourceId, scope);
  if (store) {
    const found = store.accountId === scope.accountId && store.region === scope.region ? await catalog.findEventDataStore(store.arn) : undefined;
    if (!found) throw eventDataStoreNotFound(resourceId);
    checkActive(found);
    return { arn: found.arn, tags: found.tags, save: (tags) => saveChangedEventDataStore(scope, found, { ...found, tags }) };
  }
  const channel = parseLakeReference('channel', resourceId, scope);
  if (channel) {
    const found = channel.accountId === scope.accountId && channel.region === scope.region ? await catalog.findChannel(channel.arn) : undefined;
    if (!found) throw channelMissing(resourceId);
    return { arn: found.arn, tags: found.tags, save: (tags) => saveChangedChannel(scope, found, { ...found, tags }) };
  }
  return undefined;
}

/** Changes the tags of the store or channel; false when the ARN names neither (a trail's, or a malformed one). */
export async function changeLakeTags(
  scope: LakeScope,
  resourceId: string,
  change: (tags: readonly TrailTag[]) => TrailTag[],
): Promise<boolean> {
  return decideOnCurrent(async () => {
    const tagged = await findLakeTagged(scope, resourceId);
    if (!tagged) return false;
    const tags = change(tagged.tags);
    if (tags.length > MAX_TAGS_PER_RESOURCE) {
      throw new ServiceError('TagsLimitExceededException', `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags.`);
    }
    await tagged.save(tags);
    return true;
  });
}

export async function lakeTagsOf(scope: LakeScope, resourceId: string): Promise<{ ResourceId: string; TagsList: TrailTag[] } | undefined> {
  const tagged = await findLakeTagged(scope, resourceId, resourceNotFound);
  return tagged && { ResourceId: tagged.arn, TagsList: tagged.tags };
}

function resourceNotFound(resourceId: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `Resource not found: ${resourceId}.`);
}
