// Event data stores and channels in their response shapes (spec §4.8, §4.10, §4.13): timestamps in epoch
// seconds, optional members only when set.
import { epochSeconds } from '../shapes.js';
import type { StoredChannel, StoredEventDataStore } from '../../store/lake-store.js';
import { ACTIVITY_AUDIT_LOG } from '../../domain/lake/event-data-store-kind.js';

/** CreateEventDataStore, RestoreEventDataStore and the deprecated members ListEventDataStores still returns. */
export function eventDataStoreWire(store: StoredEventDataStore) {
  return {
    EventDataStoreArn: store.arn,
    Name: store.name,
    Status: store.status,
    AdvancedEventSelectors: store.selectors,
    MultiRegionEnabled: store.multiRegionEnabled,
    OrganizationEnabled: store.organizationEnabled,
    RetentionPeriod: store.retentionPeriod,
    TerminationProtectionEnabled: store.terminationProtectionEnabled,
    CreatedTimestamp: epochSeconds(store.createdMs),
    UpdatedTimestamp: epochSeconds(store.updatedMs),
    ...(store.kmsKeyId === undefined ? {} : { KmsKeyId: store.kmsKeyId }),
    BillingMode: store.billingMode,
  };
}

/** GetEventDataStore and UpdateEventDataStore add federation, which opentrail does not have. */
export function eventDataStoreDetailWire(store: StoredEventDataStore) {
  return { ...eventDataStoreWire(store), FederationStatus: 'DISABLED' };
}

export function eventDataStoreSummaryWire(store: StoredEventDataStore) {
  const { KmsKeyId: _kms, BillingMode: _billing, ...summary } = eventDataStoreWire(store);
  return summary;
}

export function channelWire(channel: StoredChannel) {
  return { ChannelArn: channel.arn, Name: channel.name, Source: channel.source, Destinations: channel.destinations };
}

export function channelDetailWire(channel: StoredChannel) {
  const { ingestion } = channel;
  return {
    ...channelWire(channel),
    SourceConfig: {
      ApplyToAllRegions: false,
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: [ACTIVITY_AUDIT_LOG] }] }],
    },
    IngestionStatus: {
      ...(ingestion.latestSuccessMs === undefined ? {} : { LatestIngestionSuccessTime: epochSeconds(ingestion.latestSuccessMs) }),
      ...(ingestion.latestSuccessEventId === undefined ? {} : { LatestIngestionSuccessEventID: ingestion.latestSuccessEventId }),
      ...(ingestion.latestErrorCode === undefined ? {} : { LatestIngestionErrorCode: ingestion.latestErrorCode }),
      ...(ingestion.latestAttemptMs === undefined ? {} : { LatestIngestionAttemptTime: epochSeconds(ingestion.latestAttemptMs) }),
      ...(ingestion.latestAttemptEventId === undefined ? {} : { LatestIngestionAttemptEventID: ingestion.latestAttemptEventId }),
    },
  };
}
