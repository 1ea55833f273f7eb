// CreateEventDataStore (spec §4.8): a new store in the caller's region, ingesting unless StartIngestion is false.
// The response says CREATED for a store that starts ingesting, as AWS's does; GetEventDataStore then says ENABLED.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { createEventDataStore } from '../../services/lake/event-data-stores.js';
import { eventDataStoreSettingsShape, tagsShape } from './lake-shapes.js';
import { eventDataStoreWire } from './lake-wire.js';
import { lakeScope } from './lake-context.js';

const input = z.object({
  Name: z.string(),
  ...eventDataStoreSettingsShape,
  TagsList: tagsShape,
  StartIngestion: z.boolean().optional(),
});

export const createEventDataStoreOperation = defineOperation({
  name: 'CreateEventDataStore',
  readOnly: false,
  input,
  errors: [
    'EventDataStoreAlreadyExistsException', 'EventDataStoreMaxLimitExceededException',
    'InvalidEventSelectorsException', 'InvalidParameterException', 'InvalidTagParameterException',
    'OperationNotPermittedException', 'UnsupportedOperationException', 'ConflictException',
    'InsufficientEncryptionPolicyException', 'InvalidKmsKeyIdException', 'KmsKeyNotFoundException', 'KmsException',
    'CloudTrailAccessNotEnabledException', 'InsufficientDependencyServiceAccessPermissionException',
    'NotOrganizationMasterAccountException', 'OrganizationsNotInUseException',
    'OrganizationNotInAllFeaturesModeException', 'NoManagementAccountSLRExistsException', 'ThrottlingException',
  ],
  async run(request, context) {
    const store = await createEventDataStore(lakeScope(context), request, context.now);
    const wire = eventDataStoreWire(store);
    return { ...wire, Status: store.status === 'ENABLED' ? 'CREATED' : store.status, TagsList: store.tags };
  },
});
