// ListEventDataStores (spec §4.8): the account's stores in the region, every status, by ARN, MaxResults 1–1000.
import { defineOperation } from '../operation.js';
import { pageSize } from '../max-results.js';
import { pageByArn } from '../../services/lake/arn-pages.js';
import { listInput } from './lake-shapes.js';
import { eventDataStoreSummaryWire } from './lake-wire.js';
import { lakeScope } from './lake-context.js';

const MAX_RESULTS = 1000;

export const listEventDataStoresOperation = defineOperation({
  name: 'ListEventDataStores',
  readOnly: true,
  input: listInput,
  errors: [
    'InvalidMaxResultsException', 'InvalidNextTokenException', 'OperationNotPermittedException',
    'UnsupportedOperationException', 'NoManagementAccountSLRExistsException',
  ],
  async run({ NextToken, MaxResults }, context) {
    const scope = lakeScope(context);
    const all = await scope.catalog.listEventDataStores(scope.accountId, scope.region);
    const page = pageByArn(all, NextToken, pageSize(MaxResults, MAX_RESULTS, 'InvalidMaxResultsException'));
    return { EventDataStores: page.items.map(eventDataStoreSummaryWire), NextToken: page.nextToken };
  },
});
