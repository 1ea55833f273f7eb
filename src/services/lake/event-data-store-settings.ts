// The settings CreateEventDataStore and UpdateEventDataStore share (spec §4.8): billing mode and the retention it
// allows, selectors (store rules, one kind of events), KMS key form, no organizations, termination protection.
import { ServiceError } from '../../errors/service-error.js';
import type { AdvancedEventSelector } from '../../domain/selectors/advanced-event-selector.js';
import { validateAdvancedEventSelectors } from '../../domain/selectors/validate-advanced-event-selectors.js';
import { eventDataStoreKind } from '../../domain/lake/event-data-store-kind.js';
import { withSelectorErrors } from '../trails/selector-errors.js';
import { kmsKeyArn } from '../trails/kms-key.js';
import type { BillingMode, StoredEventDataStore } from '../../store/lake-store.js';
import type { AccountRegion } from '../trails/account-region.js';

export interface EventDataStoreSettingsMembers {
  AdvancedEventSelectors?: AdvancedEventSelector[] | undefined;
  MultiRegionEnabled?: boolean | undefined;
  OrganizationEnabled?: boolean | undefined;
  RetentionPeriod?: number | undefined;
  TerminationProtectionEnabled?: boolean | undefined;
  KmsKeyId?: string | undefined;
  BillingMode?: string | undefined;
}

const RETENTION: Readonly<Record<BillingMode, { max: number; default: number }>> = {
  EXTENDABLE_RETENTION_PRICING: { max: 3653, default: 366 },
  FIXED_RETENTION_PRICING: { max: 2557, default: 2557 },
};
const MIN_RETENTION = 7;

type Settings = Pick<
  StoredEventDataStore,
  'selectors' | 'multiRegionEnabled' | 'organizationEnabled' | 'retentionPeriod' | 'terminationProtectionEnabled' |
  'kmsKeyId' | 'billingMode'
>;

/** The settings after applying the members; `current` absent means a new store, with the defaults. */
export function applyEventDataStoreSettings(
  current: Settings | undefined,
  members: EventDataStoreSettingsMembers,
  where: AccountRegion,
): Settings {
  if (members.OrganizationEnabled === true) {
    throw new ServiceError(
      'OrganizationsNotInUseException',
      'This account is not in an organization: opentrail has no AWS Organizations, so OrganizationEnabled must be false.',
    );
  }
  const billingMode = billingModeOf(members.BillingMode, current?.billingMode);
  // A store moving to extendable pricing (the only change allowed) keeps its retention, which that mode allows too:
  // a retention falling back to the new mode's default would delete the events it no longer covers.
  const retentionPeriod = members.RetentionPeriod ?? current?.retentionPeriod ?? RETENTION[billingMode].default;
  checkRetention(retentionPeriod, billingMode);
  const selectors = members.AdvancedEventSelectors === undefined
    ? current?.selectors
    : checkedSelectors(members.AdvancedEventSelectors, current?.selectors);
  const kmsKeyId = members.KmsKeyId === undefined ? current?.kmsKeyId : kmsKeyArn(members.KmsKeyId, where);
  return {
    selectors: selectors ?? [],
    multiRegionEnabled: members.MultiRegionEnabled ?? current?.multiRegionEnabled ?? true,
    organizationEnabled: false,
    retentionPeriod,
    terminationProtectionEnabled: members.TerminationProtectionEnabled ?? current?.terminationProtectionEnabled ?? true,
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
    billingMode,
  };
}

function billingModeOf(value: string | undefined, current: BillingMode | undefined): BillingMode {
  if (value === undefined) return current ?? 'EXTENDABLE_RETENTION_PRICING';
  if (value !== 'EXTENDABLE_RETENTION_PRICING' && value !== 'FIXED_RETENTION_PRICING') {
    throw invalidParameter(`BillingMode must be EXTENDABLE_RETENTION_PRICING or FIXED_RETENTION_PRICING; got '${value}'.`);
  }
  if (current === 'EXTENDABLE_RETENTION_PRICING' && value === 'FIXED_RETENTION_PRICING') {
    throw invalidParameter('An event data store on EXTENDABLE_RETENTION_PRICING cannot go back to FIXED_RETENTION_PRICING.');
  }
  return value;
}

function checkRetention(days: number, mode: BillingMode): void {
  const { max } = RETENTION[mode];
  if (!Number.isInteger(days) || days < MIN_RETENTION || days > max) {
    throw invalidParameter(`RetentionPeriod must be ${MIN_RETENTION} to ${max} days with ${mode}; got ${days}.`);
  }
}

function checkedSelectors(
  selectors: readonly AdvancedEventSelector[],
  current: readonly AdvancedEventSelector[] | undefined,
): AdvancedEventSelector[] {
  return withSelectorErrors(() => {
    const checked = validateAdvancedEventSelectors(selectors, { owner: 'eventDataStore' });
    const kind = eventDataStoreKind(checked);
    if (current !== undefined && current.length > 0 && eventDataStoreKind(current) !== kind) {
      throw new ServiceError(
        'InvalidEventSelectorsException',
        'The selectors would change the kind of events the store collects (CloudTrail events or ActivityAuditLog); ' +
          'create a new event data store instead.',
      );
    }
    return checked;
  });
}

function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}
