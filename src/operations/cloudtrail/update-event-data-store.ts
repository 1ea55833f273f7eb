// UpdateEventDataStore (spec §4.8): changes the settings given, keeps the others; not on a store pending deletion.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { updateEventDataStore } from '../../services/lake/event-data-stores.js';
import { eventDataStoreSettingsShape } from './lake-shapes.js';
import { eventDataStoreDetailWire } from './lake-wire.js';
import { lakeResources, lakeScope } from './lake-context.js';

const input = z.object({ EventDataStore: z.string(), Name: z.string().optional(), ...eventDataStoreSettingsShape });

export const updateEventDataStoreOperation = defineOperation({
  name: 'UpdateEventDataStore',
  readOnly: false,
  input,
  errors: [
    'EventDataStoreAlreadyExistsException', 'EventDataStoreARNInvalidException', 'EventDataStoreNotFoundException',
    'InvalidEventSelectorsException', 'InvalidInsightSelectorsException', 'EventDataStoreHasOngoingImportException',
    'InactiveEventDataStoreException', 'InvalidParameterException', 'OperationNotPermittedException',
    'UnsupportedOperationException', 'InsufficientEncryptionPolicyException', 'InvalidKmsKeyIdException',
    'KmsKeyNotFoundException', 'KmsException', 'CloudTrailAccessNotEnabledException',
    'InsufficientDependencyServiceAccessPermissionException', 'OrganizationsNotInUseException',
    'NotOrganizationMasterAccountException', 'NoManagementAccountSLRExistsException',
    'OrganizationNotInAllFeaturesModeException', 'ConflictException', 'ThrottlingException',
  ],
  resources: ({ EventDataStore }, context) => lakeResources('eventdatastore', EventDataStore, context),
  async run({ EventDataStore, ...members }, context) {
    return eventDataStoreDetailWire(await updateEventDataStore(lakeScope(context), EventDataStore, members, context.now));
  },
});
