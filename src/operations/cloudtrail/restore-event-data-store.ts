// RestoreEventDataStore (spec §4.8): brings a store pending deletion back, with the status it had.
import { defineOperation } from '../operation.js';
import { restoreEventDataStore } from '../../services/lake/event-data-stores.js';
import { eventDataStoreInput } from './lake-shapes.js';
import { eventDataStoreWire } from './lake-wire.js';
import { lakeResources, lakeScope } from './lake-context.js';

export const restoreEventDataStoreOperation = defineOperation({
  name: 'RestoreEventDataStore',
  readOnly: false,
  input: eventDataStoreInput,
  errors: [
    'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException',
    'EventDataStoreMaxLimitExceededException', 'InvalidEventDataStoreStatusException', 'InvalidParameterException',
    'OperationNotPermittedException', 'UnsupportedOperationException', 'CloudTrailAccessNotEnabledException',
    'InsufficientDependencyServiceAccessPermissionException', 'OrganizationsNotInUseException',
    'NotOrganizationMasterAccountException', 'NoManagementAccountSLRExistsException',
    'OrganizationNotInAllFeaturesModeException',
  ],
  resources: ({ EventDataStore }, context) => lakeResources('eventdatastore', EventDataStore, context),
  async run({ EventDataStore }, context) {
    return eventDataStoreWire(await restoreEventDataStore(lakeScope(context), EventDataStore, context.now));
  },
});
