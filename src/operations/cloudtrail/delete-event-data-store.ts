// DeleteEventDataStore (spec §4.8): the store goes to PENDING_DELETION and is purged 7 days later, unless restored.
import { defineOperation } from '../operation.js';
import { deleteEventDataStore } from '../../services/lake/event-data-stores.js';
import { eventDataStoreInput } from './lake-shapes.js';
import { lakeResources, lakeScope } from './lake-context.js';

export const deleteEventDataStoreOperation = defineOperation({
  name: 'DeleteEventDataStore',
  readOnly: false,
  input: eventDataStoreInput,
  errors: [
    'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException',
    'EventDataStoreTerminationProtectedException', 'EventDataStoreHasOngoingImportException',
    'InactiveEventDataStoreException', 'InvalidParameterException', 'OperationNotPermittedException',
    'UnsupportedOperationException', 'NotOrganizationMasterAccountException',
    'NoManagementAccountSLRExistsException', 'ChannelExistsForEDSException',
    'InsufficientDependencyServiceAccessPermissionException', 'ConflictException',
    'EventDataStoreFederationEnabledException',
  ],
  resources: ({ EventDataStore }, context) => lakeResources('eventdatastore', EventDataStore, context),
  async run({ EventDataStore }, context) {
    await deleteEventDataStore(lakeScope(context), EventDataStore, context.now);
    return {};
  },
});
