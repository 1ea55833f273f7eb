// UpdateChannel (spec §4.10): a new name and/or new destinations.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { updateChannel } from '../../services/lake/channels.js';
import { destinationShape } from './lake-shapes.js';
import { channelWire } from './lake-wire.js';
import { lakeResources, lakeScope } from './lake-context.js';

const input = z.object({ Channel: z.string(), Destinations: z.array(destinationShape).optional(), Name: z.string().optional() });

export const updateChannelOperation = defineOperation({
  name: 'UpdateChannel',
  readOnly: false,
  input,
  errors: [
    'ChannelARNInvalidException', 'ChannelNotFoundException', 'ChannelAlreadyExistsException',
    'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException',
    'InvalidEventDataStoreCategoryException', 'InactiveEventDataStoreException', 'InvalidParameterException',
    'OperationNotPermittedException', 'UnsupportedOperationException',
  ],
  resources: ({ Channel }, context) => lakeResources('channel', Channel, context),
  async run({ Channel, ...change }, context) {
    return channelWire(await updateChannel(lakeScope(context), Channel, change));
  },
});
