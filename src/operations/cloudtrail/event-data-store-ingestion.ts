// StartEventDataStoreIngestion (STOPPED_INGESTION → ENABLED) and StopEventDataStoreIngestion (ENABLED →
// STOPPED_INGESTION), spec §4.8: the same call but for the direction, on stores of CloudTrail events only.
import { defineOperation } from '../operation.js';
import { setIngestion } from '../../services/lake/event-data-stores.js';
import { eventDataStoreInput } from './lake-shapes.js';
import { lakeResources, lakeScope } from './lake-context.js';

function ingestionOperation(start: boolean) {
  return defineOperation({
    name: start ? 'StartEventDataStoreIngestion' : 'StopEventDataStoreIngestion',
    readOnly: false,
    input: eventDataStoreInput,
    // The model lists the same errors for both.
    errors: [
      'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException', 'InvalidEventDataStoreStatusException',
      'InvalidParameterException', 'InvalidEventDataStoreCategoryException', 'OperationNotPermittedException',
      'UnsupportedOperationException', 'NotOrganizationMasterAccountException',
      'NoManagementAccountSLRExistsException', 'InsufficientDependencyServiceAccessPermissionException',
      'ConflictException',
    ],
    resources: ({ EventDataStore }, context) => lakeResources('eventdatastore', EventDataStore, context),
    async run({ EventDataStore }, context) {
      await setIngestion(lakeScope(context), EventDataStore, start, context.now);
      return {};
    },
  });
}

export const startEventDataStoreIngestionOperation = ingestionOperation(true);
export const stopEventDataStoreIngestionOperation = ingestionOperation(false);
