// RemoveTags (spec §4.7): removes tags from a trail by key, in its home region.
import { defineOperation } from '../operation.js';
import { changeTrailTags } from '../../services/trails/trail-tagging.js';
import { removeTags } from '../../services/trails/trail-tags.js';
import { trailScope } from './trail-context.js';
import { lakeScope } from './lake-context.js';
import { changeLakeTags } from '../../services/lake/lake-tagging.js';
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
    const change = (tags: Parameters<typeof removeTags>[0]) => removeTags(tags, TagsList);
    if (!(await changeLakeTags(lakeScope(context), ResourceId, change))) await changeTrailTags(trailScope(context), ResourceId, change);
    return {};
  },
});
