// GetChannel (spec §4.10): the channel with its source configuration and latest ingestion status.
import { defineOperation } from '../operation.js';
import { findChannel } from '../../services/lake/channels.js';
import { channelInput } from './lake-shapes.js';
import { channelDetailWire } from './lake-wire.js';
import { lakeResources, lakeScope } from './lake-context.js';

export const getChannelOperation = defineOperation({
  name: 'GetChannel',
  readOnly: true,
  input: channelInput,
  errors: [
    'ChannelARNInvalidException', 'ChannelNotFoundException', 'OperationNotPermittedException',
    'UnsupportedOperationException',
  ],
  resources: ({ Channel }, context) => lakeResources('channel', Channel, context),
  async run({ Channel }, context) {
    const channel = await findChannel(lakeScope(context), Channel);
    const ingestion = context.services.channelIngestion.current(channel.arn, channel.ingestion);
    return channelDetailWire({ ...channel, ingestion });
  },
});
