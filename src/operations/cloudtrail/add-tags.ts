// AddTags (spec §4.7): adds or replaces tags on a trail, in its home region; at most 50 per trail.
import { defineOperation } from '../operation.js';
import { changeTrailTags } from '../../services/trails/trail-tagging.js';
import { addTags } from '../../services/trails/trail-tags.js';
import { trailScope } from './trail-context.js';
import { lakeScope } from './lake-context.js';
import { changeLakeTags } from '../../services/lake/lake-tagging.js';
import { tagChangeInput } from './trail-shapes.js';
import { taggedTrailResources } from './trail-record-resources.js';

export const addTagsOperation = defineOperation({
  name: 'AddTags',
  readOnly: false,
  input: tagChangeInput,
  errors: [
    'ResourceNotFoundException', 'CloudTrailARNInvalidException', 'EventDataStoreARNInvalidException',
    'ChannelARNInvalidException', 'ResourceTypeNotSupportedException', 'TagsLimitExceededException',
    'InvalidTrailNameException', 'InvalidTagParameterException', 'InactiveEventDataStoreException',
    'EventDataStoreNotFoundException', 'ChannelNotFoundException', 'UnsupportedOperationException',
    'OperationNotPermittedException', 'NotOrganizationMasterAccountException',
    'NoManagementAccountSLRExistsException', 'ConflictException',
  ],
  resources: ({ ResourceId }) => taggedTrailResources([ResourceId]),
  async run({ ResourceId, TagsList }, context) {
    const change = (tags: Parameters<typeof addTags>[0]) => addTags(tags, TagsList);
    if (!(await changeLakeTags(lakeScope(context), ResourceId, change))) await changeTrailTags(trailScope(context), ResourceId, change);
    return {};
  },
});
