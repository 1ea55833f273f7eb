// The CloudTrail API (2013-11-01): every operation of the model, and which of them opentrail implements. A modelled
// operation that is not implemented yet answers UnsupportedOperationException, never a fake success.
import type { Operation } from '../operation.js';
import { lookupEventsOperation } from './lookup-events.js';
import { listPublicKeysOperation } from './list-public-keys.js';
import { addTagsOperation } from './add-tags.js';
import { createTrailOperation } from './create-trail.js';
import { deleteTrailOperation } from './delete-trail.js';
import { describeTrailsOperation } from './describe-trails.js';
import { getEventSelectorsOperation } from './get-event-selectors.js';
import { getInsightSelectorsOperation } from './get-insight-selectors.js';
import { getTrailOperation } from './get-trail.js';
import { getTrailStatusOperation } from './get-trail-status.js';
import { listTagsOperation } from './list-tags.js';
import { listTrailsOperation } from './list-trails.js';
import { putEventSelectorsOperation } from './put-event-selectors.js';
import { putInsightSelectorsOperation } from './put-insight-selectors.js';
import { removeTagsOperation } from './remove-tags.js';
import { startLoggingOperation } from './start-logging.js';
import { stopLoggingOperation } from './stop-logging.js';
import { updateTrailOperation } from './update-trail.js';
import { createEventDataStoreOperation } from './create-event-data-store.js';
import { getEventDataStoreOperation } from './get-event-data-store.js';
import { updateEventDataStoreOperation } from './update-event-data-store.js';
import { deleteEventDataStoreOperation } from './delete-event-data-store.js';
import { restoreEventDataStoreOperation } from './restore-event-data-store.js';
import { listEventDataStoresOperation } from './list-event-data-stores.js';
import { startEventDataStoreIngestionOperation, stopEventDataStoreIngestionOperation } from './event-data-store-ingestion.js';
import { createChannelOperation } from './create-channel.js';
import { getChannelOperation } from './get-channel.js';
import { updateChannelOperation } from './update-channel.js';
import { deleteChannelOperation } from './delete-channel.js';
import { listChannelsOperation } from './list-channels.js';

export const CLOUDTRAIL_MODEL_OPERATIONS = [
  'AddTags', 'CancelQuery', 'CreateChannel', 'CreateDashboard', 'CreateEventDataStore', 'CreateTrail',
  'DeleteChannel', 'DeleteDashboard', 'DeleteEventDataStore', 'DeleteResourcePolicy', 'DeleteTrail',
  'DeregisterOrganizationDelegatedAdmin', 'DescribeQuery', 'DescribeTrails', 'DisableFederation',
  'EnableFederation', 'GenerateQuery', 'GetChannel', 'GetDashboard', 'GetEventConfiguration', 'GetEventDataStore',
  'GetEventSelectors', 'GetImport', 'GetInsightSelectors', 'GetQueryResults', 'GetResourcePolicy', 'GetTrail',
  'GetTrailStatus', 'ListChannels', 'ListDashboards', 'ListEventDataStores', 'ListImportFailures', 'ListImports',
  'ListInsightsData', 'ListInsightsMetricData', 'ListPublicKeys', 'ListQueries', 'ListTags', 'ListTrails',
  'LookupEvents', 'PutEventConfiguration', 'PutEventSelectors', 'PutInsightSelectors', 'PutResourcePolicy',
  'RegisterOrganizationDelegatedAdmin', 'RemoveTags', 'RestoreEventDataStore', 'SearchSampleQueries',
  'StartDashboardRefresh', 'StartEventDataStoreIngestion', 'StartImport', 'StartLogging', 'StartQuery',
  'StopEventDataStoreIngestion', 'StopImport', 'StopLogging', 'UpdateChannel', 'UpdateDashboard',
  'UpdateEventDataStore', 'UpdateTrail',
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const CLOUDTRAIL_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [
    lookupEventsOperation,
    createTrailOperation, updateTrailOperation, deleteTrailOperation, getTrailOperation, describeTrailsOperation,
    listTrailsOperation, getTrailStatusOperation, startLoggingOperation, stopLoggingOperation,
    putEventSelectorsOperation, getEventSelectorsOperation, putInsightSelectorsOperation, getInsightSelectorsOperation,
    addTagsOperation, removeTagsOperation, listTagsOperation,
    createEventDataStoreOperation, getEventDataStoreOperation, updateEventDataStoreOperation,
    deleteEventDataStoreOperation, restoreEventDataStoreOperation, listEventDataStoresOperation,
    startEventDataStoreIngestionOperation, stopEventDataStoreIngestionOperation,
    createChannelOperation, getChannelOperation, updateChannelOperation, deleteChannelOperation, listChannelsOperation,
    listPublicKeysOperation,
  ].map((op) => [op.name, op]),
);

export function isModelledOperation(name: string): boolean {
  return (CLOUDTRAIL_MODEL_OPERATIONS as readonly string[]).includes(name);
}

/** Reads are Get*, Describe*, List*, LookupEvents and the query readers (spec §1.5). */
export function isReadOnlyName(name: string): boolean {
  return /^(Get|Describe|List|Lookup|Search)/.test(name);
}
