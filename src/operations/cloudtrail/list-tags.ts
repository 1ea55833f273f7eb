// ListTags (spec §4.7): the tags of up to 20 trails, in the order asked.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { trailsToListTags } from '../../services/trails/trail-tagging.js';
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
    const trails = await trailsToListTags(trailScope(context), ResourceIdList, NextToken);
    return { ResourceTagList: trails.map((trail) => ({ ResourceId: trail.arn, TagsList: trail.tags })) };
  },
});
