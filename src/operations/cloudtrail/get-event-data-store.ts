// GetEventDataStore (spec §4.8): the full description of one store, whatever its status.
import { defineOperation } from '../operation.js';
import { findEventDataStore } from '../../services/lake/find-event-data-store.js';
import { eventDataStoreInput } from './lake-shapes.js';
import { eventDataStoreDetailWire } from './lake-wire.js';
import { lakeResources, lakeScope } from './lake-context.js';

export const getEventDataStoreOperation = defineOperation({
  name: 'GetEventDataStore',
  readOnly: true,
  input: eventDataStoreInput,
  errors: [
    'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException', 'InvalidParameterException',
    'OperationNotPermittedException', 'UnsupportedOperationException', 'NoManagementAccountSLRExistsException',
  ],
  resources: ({ EventDataStore }, context) => lakeResources('eventdatastore', EventDataStore, context),
  async run({ EventDataStore }, context) {
    return eventDataStoreDetailWire(await findEventDataStore(lakeScope(context), EventDataStore));
  },
});
