// DeleteChannel (spec §4.10): PutAuditEvents to it fail with ChannelNotFound from then on.
import { defineOperation } from '../operation.js';
import { deleteChannel } from '../../services/lake/channels.js';
import { channelInput } from './lake-shapes.js';
import { lakeResources, lakeScope } from './lake-context.js';

export const deleteChannelOperation = defineOperation({
  name: 'DeleteChannel',
  readOnly: false,
  input: channelInput,
  errors: [
    'ChannelARNInvalidException', 'ChannelNotFoundException', 'OperationNotPermittedException',
    'UnsupportedOperationException',
  ],
  resources: ({ Channel }, context) => lakeResources('channel', Channel, context),
  async run({ Channel }, context) {
    await deleteChannel(lakeScope(context), Channel);
    return {};
  },
});
