// ListTags (spec §4.7): the tags of up to 20 trails, in the order asked.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { MAX_LIST_TAGS_RESOURCES, trailsToListTags } from '../../services/trails/trail-tagging.js';
import { lakeTagsOf } from '../../services/lake/lake-tagging.js';
import { lakeScope } from './lake-context.js';
import { trailScope } from './trail-context.js';
import { taggedTrailResources } from './trail-record-resources.js';

const input = z.object({ ResourceIdList: z.array(z.string()), NextToken: z.string().optional() });

export const listTagsOperation = defineOperation({
  name: 'ListTags',
  readOnly: true,
  input,
  errors: [
    'ResourceNotFoundException', 'CloudTrailARNInvalidException', 'EventDataStoreARNInvalidException',
    'ChannelARNInvalidException', 'ResourceTypeNotSupportedException', 'InvalidTrailNameException',
    'InactiveEventDataStoreException', 'EventDataStoreNotFoundException', 'UnsupportedOperationException',
    'OperationNotPermittedException', 'InvalidTokenException', 'NoManagementAccountSLRExistsException',
  ],
  resources: ({ ResourceIdList }) => taggedTrailResources(ResourceIdList),
  async run({ ResourceIdList, NextToken }, context) {
    // The whole list is checked (token, count) before any store or channel is looked up.
    if (ResourceIdList.length > MAX_LIST_TAGS_RESOURCES) await trailsToListTags(trailScope(context), ResourceIdList, NextToken);
    const lake = await Promise.all(ResourceIdList.map((id) => lakeTagsOf(lakeScope(context), id)));
    const trails = await trailsToListTags(trailScope(context), ResourceIdList.filter((_, i) => !lake[i]), NextToken);
    const trailTags = trails.map((trail) => ({ ResourceId: trail.arn, TagsList: trail.tags }));
    return { ResourceTagList: lake.map((found) => found ?? trailTags.shift()!) };
  },
});
