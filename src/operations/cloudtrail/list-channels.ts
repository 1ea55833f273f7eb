// ListChannels (spec §4.10): the account's channels in the region, by ARN. The model gives ListChannels no
// MaxResults error, so an out-of-range value is the protocol's ValidationException.
import { defineOperation } from '../operation.js';
import { pageSize } from '../max-results.js';
import { pageByArn } from '../../services/lake/arn-pages.js';
import { listInput } from './lake-shapes.js';
import { lakeScope } from './lake-context.js';

const MAX_RESULTS = 1000;

export const listChannelsOperation = defineOperation({
  name: 'ListChannels',
  readOnly: true,
  input: listInput,
  errors: [
    'InvalidNextTokenException', 'OperationNotPermittedException', 'UnsupportedOperationException',
  ],
  async run({ NextToken, MaxResults }, context) {
    const scope = lakeScope(context);
    const page = pageByArn(await scope.catalog.listChannels(scope.accountId, scope.region), NextToken, pageSize(MaxResults, MAX_RESULTS, 'ValidationException'));
    return { Channels: page.items.map((c) => ({ ChannelArn: c.arn, Name: c.name })), NextToken: page.nextToken };
  },
});
