// PutEventSelectors' rules for basic selectors (spec §5.2, §8): 1–5 selectors, known enum values, the three data
// resource types with well-formed values, and at most 250 values across the trail ("all" values excepted).
import {
  BASIC_DATA_RESOURCE_TYPES,
  EXCLUDABLE_MANAGEMENT_SOURCES,
  READ_WRITE_TYPES,
  type BasicDataResourceType,
  type DataResource,
  type EventSelector,
  type ReadWriteType,
  type StoredDataResource,
  type StoredEventSelector,
} from './event-selector.js';
import { isAllResourcesValue, isValidDataResourceValue } from './basic-data-resources.js';
import { invalidEventSelectors } from './selector-error.js';
import { isOneOf } from './one-of.js';

export const MAX_EVENT_SELECTORS = 5;
export const MAX_DATA_RESOURCE_VALUES = 250;

/** The selectors with every member filled in; throws SelectorError(InvalidEventSelectorsException). */
export function validateEventSelectors(selectors: readonly EventSelector[]): StoredEventSelector[] {
  if (selectors.length < 1 || selectors.length > MAX_EVENT_SELECTORS) {
    throw invalidEventSelectors(
      `A trail takes 1 to ${MAX_EVENT_SELECTORS} event selectors; got ${selectors.length}.`,
    );
  }
  const stored = selectors.map(storedSelector);
  checkValueCount(stored);
  return stored;
}

function storedSelector(selector: EventSelector): StoredEventSelector {
  return {
    ReadWriteType: readWriteType(selector.ReadWriteType),
    IncludeManagementEvents: selector.IncludeManagementEvents ?? true,
    DataResources: (selector.DataResources ?? []).map(storedDataResource),
    ExcludeManagementEventSources: excludedSources(selector.ExcludeManagementEventSources ?? []),
  };
}

function readWriteType(value: string | undefined): ReadWriteType {
  if (value === undefined) return 'All';
  if (isOneOf(READ_WRITE_TYPES, value)) return value;
  throw invalidEventSelectors(`ReadWriteType must be one of ${READ_WRITE_TYPES.join(', ')}; got '${value}'.`);
}

function excludedSources(sources: string[]): string[] {
  for (const source of sources) {
    if (!isOneOf(EXCLUDABLE_MANAGEMENT_SOURCES, source)) {
      throw invalidEventSelectors(
        `ExcludeManagementEventSources may only contain ${EXCLUDABLE_MANAGEMENT_SOURCES.join(', ')}; got '${source}'.`,
      );
    }
  }
  return [...new Set(sources)];
}

function storedDataResource(resource: DataResource): StoredDataResource {
  const type = dataResourceType(resource.Type);
  const values = resource.Values ?? [];
  // A data resource without values would log nothing, which is never what the caller meant.
  if (values.length === 0) throw invalidEventSelectors(`DataResources of type ${type} must list at least one value.`);
  for (const value of values) {
    if (!isValidDataResourceValue(type, value)) {
      throw invalidEventSelectors(`Value ${value} for DataResources.Values is invalid.`);
    }
  }
  return { Type: type, Values: [...values] };
}

function dataResourceType(type: string | undefined): BasicDataResourceType {
  if (type !== undefined && isOneOf(BASIC_DATA_RESOURCE_TYPES, type)) return type;
  throw invalidEventSelectors(
    `DataResources.Type must be one of ${BASIC_DATA_RESOURCE_TYPES.join(', ')} (other data event types need ` +
      `advanced event selectors); got ${type === undefined ? 'nothing' : `'${type}'`}.`,
  );
}

function checkValueCount(selectors: readonly StoredEventSelector[]): void {
  let count = 0;
  for (const { DataResources } of selectors) {
    for (const { Type, Values } of DataResources) {
      count += Values.filter((value) => !isAllResourcesValue(Type, value)).length;
    }
  }
  if (count > MAX_DATA_RESOURCE_VALUES) {
    throw invalidEventSelectors(
      `A trail may name at most ${MAX_DATA_RESOURCE_VALUES} data resource values across all its event selectors; ` +
        `got ${count}.`,
    );
  }
}
