// Basic selectors as one predicate (spec §5.2 "Matching rule for one basic selector"). Only management events and
// the three basic data-event types can match: Insights, network activity and Lake-only events never do.
import type { CloudTrailRecord } from '../record.js';
import { arnMatcher } from './basic-data-resources.js';
import type { ReadWriteType, StoredDataResource, StoredEventSelector } from './event-selector.js';
import { eventCategoryOf } from './event-kind.js';
import { resourcesOf } from './record-fields.js';
import type { RecordPredicate } from './record-predicate.js';

/** A record without `readOnly` is neither a read nor a write, so only `All` takes it, as `readOnly Equals` would. */
const READ_WRITE_TESTS: Readonly<Record<ReadWriteType, (readOnly: unknown) => boolean>> = {
  All: () => true,
  ReadOnly: (readOnly) => readOnly === true,
  WriteOnly: (readOnly) => readOnly === false,
};

function managementPredicate(selector: StoredEventSelector): RecordPredicate {
  if (!selector.IncludeManagementEvents) return () => false;
  const excluded = new Set(selector.ExcludeManagementEventSources);
  return (record) => typeof record.eventSource !== 'string' || !excluded.has(record.eventSource);
}

function dataPredicate(resources: readonly StoredDataResource[]): RecordPredicate {
  const byType = new Map<string, (arn: string) => boolean>();
  for (const type of new Set(resources.map((resource) => resource.Type))) {
    const values = resources.filter((resource) => resource.Type === type).flatMap((resource) => resource.Values);
    byType.set(type, arnMatcher(type, values));
  }
  return (record) =>
    resourcesOf(record).some((resource) => {
      const matches = resource.type === undefined ? undefined : byType.get(resource.type);
      return matches !== undefined && typeof resource.ARN === 'string' && matches(resource.ARN);
    });
}

function selectorPredicate(selector: StoredEventSelector): RecordPredicate {
  const acceptsReadWrite = READ_WRITE_TESTS[selector.ReadWriteType];
  const byCategory: Readonly<Record<string, RecordPredicate>> = {
    Management: managementPredicate(selector),
    Data: dataPredicate(selector.DataResources),
  };
  return (record: CloudTrailRecord) => {
    const predicate = byCategory[eventCategoryOf(record)];
    return predicate !== undefined && acceptsReadWrite(record.readOnly) && predicate(record);
  };
}

export function compileBasicSelectors(selectors: readonly StoredEventSelector[]): RecordPredicate {
  const predicates = selectors.map(selectorPredicate);
  return (record) => predicates.some((predicate) => predicate(record));
}
