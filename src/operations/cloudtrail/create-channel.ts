// CreateChannel (spec §4.10): a Custom channel that sends PutAuditEvents events to ActivityAuditLog stores.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { createChannel } from '../../services/lake/channels.js';
import { destinationShape, tagsShape } from './lake-shapes.js';
import { channelWire } from './lake-wire.js';
import { lakeScope } from './lake-context.js';

const input = z.object({ Name: z.string(), Source: z.string(), Destinations: z.array(destinationShape), Tags: tagsShape });

export const createChannelOperation = defineOperation({
  name: 'CreateChannel',
  readOnly: false,
  input,
  errors: [
    'ChannelMaxLimitExceededException', 'InvalidSourceException', 'ChannelAlreadyExistsException',
    'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException',
    'InvalidEventDataStoreCategoryException', 'InactiveEventDataStoreException', 'InvalidParameterException',
    'InvalidTagParameterException', 'TagsLimitExceededException', 'OperationNotPermittedException',
    'UnsupportedOperationException',
  ],
  async run(request, context) {
    const channel = await createChannel(lakeScope(context), request, context.now);
    return { ...channelWire(channel), Tags: channel.tags };
  },
});
