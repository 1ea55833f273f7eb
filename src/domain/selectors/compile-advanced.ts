// Advanced selectors as one predicate (spec §5.3 "Evaluation"): selectors ORed, field selectors ANDed, the operators
// of one field selector ANDed, a positive operator's values ORed, a negative operator's values all required to fail.
import type { RecordResource } from '../record.js';
import {
  NEGATED,
  POSITIVE_OPERATORS,
  usedOperators,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type PositiveOperator,
} from './advanced-event-selector.js';
import type { AdvancedField } from './advanced-fields.js';
import { eventCategoryOf } from './event-kind.js';
import { resourcesOf, SCALAR_READERS, type ScalarField } from './record-fields.js';
import type { RecordPredicate } from './record-predicate.js';

type TextTest = (value: string | undefined) => boolean;

const POSITIVE_TESTS: Readonly<Record<PositiveOperator, (values: readonly string[]) => (value: string) => boolean>> = {
  Equals: (values) => {
    const set = new Set(values);
    return (value) => set.has(value);
  },
  StartsWith: (values) => (value) => values.some((prefix) => value.startsWith(prefix)),
  EndsWith: (values) => (value) => values.some((suffix) => value.endsWith(suffix)),
};

const isPositive = (operator: string): operator is PositiveOperator =>
  (POSITIVE_OPERATORS as readonly string[]).includes(operator);

/**
 * All operators of one field selector. A missing field satisfies no positive operator and every negative one: an
 * event without an errorCode is "not equal to VpceAccessDenied".
 */
export function compileTextTest(selector: AdvancedFieldSelector): TextTest {
  const tests = usedOperators(selector).map(([operator, values]): TextTest => {
    if (isPositive(operator)) {
      const test = POSITIVE_TESTS[operator](values);
      return (value) => value !== undefined && test(value);
    }
    const test = POSITIVE_TESTS[NEGATED[operator]](values);
    return (value) => value === undefined || !test(value);
  });
  return (value) => tests.every((test) => test(value));
}

/** Multi-valued resource fields match when any resource does; resources.ARN only looks at the selected type. */
function resourcePredicate(
  read: (resource: RecordResource) => string | undefined,
  test: TextTest,
  types: ReadonlySet<string> | undefined,
): RecordPredicate {
  return (record) =>
    resourcesOf(record).some(
      (resource) => (types === undefined || (resource.type !== undefined && types.has(resource.type))) &&
        test(read(resource)),
    );
}

function fieldPredicate(selector: AdvancedFieldSelector, types: ReadonlySet<string> | undefined): RecordPredicate {
  const test = compileTextTest(selector);
  const field = selector.Field as AdvancedField;
  if (field === 'resources.type') return resourcePredicate((resource) => resource.type, test, undefined);
  if (field === 'resources.ARN') return resourcePredicate((resource) => resource.ARN, test, types);
  const read = SCALAR_READERS[field as ScalarField] ?? (() => undefined);
  return (record) => test(read(record));
}

function selectorPredicate(selector: AdvancedEventSelector): RecordPredicate {
  const typeSelector = selector.FieldSelectors.find((field) => field.Field === 'resources.type');
  const types = typeSelector?.Equals ? new Set(typeSelector.Equals) : undefined;
  const predicates = selector.FieldSelectors.map((field) => fieldPredicate(field, types));
  return (record) => predicates.every((predicate) => predicate(record));
}

/**
 * Selectors are indexed by the category they name so that, say, a management event never runs the data selectors.
 * A selector without an eventCategory (only possible before validation) is tried for every event.
 */
export function compileAdvancedSelectors(selectors: readonly AdvancedEventSelector[]): RecordPredicate {
  const byCategory = new Map<string, RecordPredicate[]>();
  const anyCategory: RecordPredicate[] = [];
  for (const selector of selectors) {
    const predicate = selectorPredicate(selector);
    const categories = selector.FieldSelectors.find((field) => field.Field === 'eventCategory')?.Equals;
    if (categories === undefined) anyCategory.push(predicate);
    for (const category of categories ?? []) byCategory.set(category, [...(byCategory.get(category) ?? []), predicate]);
  }
  return (record) => {
    const candidates = byCategory.get(eventCategoryOf(record));
    return (candidates?.some((predicate) => predicate(record)) ?? false) ||
      anyCategory.some((predicate) => predicate(record));
  };
}
