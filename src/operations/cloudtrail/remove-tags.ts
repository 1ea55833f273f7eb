// RemoveTags (spec §4.7): removes tags from a trail by key, in its home region.
import { defineOperation } from '../operation.js';
import { changeTrailTags } from '../../services/trails/trail-tagging.js';
import { removeTags } from '../../services/trails/trail-tags.js';
import { trailScope } from './trail-context.js';
import { tagChangeInput } from './trail-shapes.js';
import { taggedTrailResources } from './trail-record-resources.js';

export const removeTagsOperation = defineOperation({
  name: 'RemoveTags',
  readOnly: false,
  input: tagChangeInput,
  errors: [
    'ResourceNotFoundException', 'CloudTrailARNInvalidException', 'EventDataStoreARNInvalidException',
    'ChannelARNInvalidException', 'ResourceTypeNotSupportedException', 'InvalidTrailNameException',
    'InvalidTagParameterException', 'InactiveEventDataStoreException', 'EventDataStoreNotFoundException',
    'ChannelNotFoundException', 'UnsupportedOperationException', 'OperationNotPermittedException',
    'NotOrganizationMasterAccountException', 'NoManagementAccountSLRExistsException', 'ConflictException',
  ],
  resources: ({ ResourceId }) => taggedTrailResources([ResourceId]),
  async run({ ResourceId, TagsList }, context) {
    await changeTrailTags(trailScope(context), ResourceId, (tags) => removeTags(tags, TagsList));
    return {};
  },
});
