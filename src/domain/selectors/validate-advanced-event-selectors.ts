// PutEventSelectors' (and the event data stores') rules for advanced selectors (spec §5.3, §4.13, §8): model lengths,
// no empty operator lists, the fields each event category admits, the operators and values each field admits, and
// the value totals.
import {
  usedOperators,
  valueCount,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type Operator,
} from './advanced-event-selector.js';
import {
  ADVANCED_FIELDS,
  CATEGORY_RULES,
  EVENT_CATEGORY_RULE,
  categoriesFor,
  fieldRule,
  type AdvancedField,
  type FieldRule,
  type SelectorOwner,
} from './advanced-fields.js';
import { isOneOf } from './one-of.js';
import { invalidEventSelectors } from './selector-error.js';

export const MAX_ADVANCED_VALUES = 500;
/** "At most 250 data resources when not logging all of a type": a selector without resources.ARN logs all. */
export const MAX_ADVANCED_RESOURCE_ARNS = 250;
const MAX_NAME_LENGTH = 1000;
const MAX_FIELD_LENGTH = 1000;
const MAX_VALUE_LENGTH = 2048;
const EQUALITY_OPERATORS: readonly Operator[] = ['Equals', 'NotEquals'];

export interface AdvancedSelectorOptions {
  /** Whose selectors these are; trails by default. */
  owner?: SelectorOwner;
}

/** The selectors without absent members; throws SelectorError(InvalidEventSelectorsException). */
export function validateAdvancedEventSelectors(
  selectors: readonly AdvancedEventSelector[],
  options: AdvancedSelectorOptions = {},
): AdvancedEventSelector[] {
  // An empty list would silently log nothing; AWS's "neither kind" case is PutEventSelectors' concern.
  if (selectors.length === 0) throw invalidEventSelectors('AdvancedEventSelectors must contain at least one selector.');
  const owner = options.owner ?? 'trail';
  const stored = selectors.map((selector, i) => storedSelector(selector, `AdvancedEventSelectors[${i}]`, owner));
  checkTotals(stored);
  return stored;
}

function storedSelector(selector: AdvancedEventSelector, where: string, owner: SelectorOwner): AdvancedEventSelector {
  if (selector.Name !== undefined && selector.Name.length > MAX_NAME_LENGTH) {
    throw invalidEventSelectors(`${where}.Name is longer than ${MAX_NAME_LENGTH} characters.`);
  }
  if (selector.FieldSelectors.length === 0) {
    throw invalidEventSelectors(`${where}.FieldSelectors must contain at least one field selector.`);
  }
  const fields = selector.FieldSelectors.map((field, j) => storedFieldSelector(field, `${where}.FieldSelectors[${j}]`));
  checkFieldSet(fields, where, owner);
  return selector.Name === undefined ? { FieldSelectors: fields } : { Name: selector.Name, FieldSelectors: fields };
}

function storedFieldSelector(selector: AdvancedFieldSelector, where: string): AdvancedFieldSelector {
  const { Field } = selector;
  if (Field.length < 1 || Field.length > MAX_FIELD_LENGTH) {
    throw invalidEventSelectors(`${where}.Field must be 1 to ${MAX_FIELD_LENGTH} characters long.`);
  }
  if (!isOneOf(ADVANCED_FIELDS, Field)) {
    throw invalidEventSelectors(`${where}: Field '${Field}' is not supported; use one of ${ADVANCED_FIELDS.join(', ')}.`);
  }
  const used = usedOperators(selector);
  if (used.length === 0) throw invalidEventSelectors(`${where} (${Field}) has no operator.`);
  const stored: AdvancedFieldSelector = { Field };
  for (const [operator, values] of used) {
    checkValues(values, `${where}.${operator}`);
    stored[operator] = [...values];
  }
  return stored;
}

function checkValues(values: readonly string[], where: string): void {
  if (values.length === 0) throw invalidEventSelectors(`${where} must contain at least one value.`);
  for (const value of values) {
    if (value.length < 1 || value.length > MAX_VALUE_LENGTH) {
      throw invalidEventSelectors(`${where}: each value must be 1 to ${MAX_VALUE_LENGTH} characters long.`);
    }
  }
}

/** Field names are known at this point: storedFieldSelector checked them. */
const fieldOf = (selector: AdvancedFieldSelector): AdvancedField => selector.Field as AdvancedField;

function checkFieldSet(fields: readonly AdvancedFieldSelector[], where: string, owner: SelectorOwner): void {
  checkDuplicates(fields, where);
  const category = selectorCategory(fields, where, owner);
  const rule = CATEGORY_RULES[category];
  const allowed = rule?.[owner] ?? [];
  for (const [j, field] of fields.entries()) {
    const name = fieldOf(field);
    if (!allowed.includes(name)) {
      throw invalidEventSelectors(
        `${where}.FieldSelectors[${j}]: ${ownerName(owner)} selectors for ${category} events cannot use ${name}; ` +
          `they may use ${allowed.join(', ')}.`,
      );
    }
    checkFieldRule(field, fieldRule(name, category, owner), `${where}.FieldSelectors[${j}]`);
  }
  for (const required of rule?.required ?? []) {
    if (!fields.some((field) => field.Field === required)) {
      throw invalidEventSelectors(`${where}: selectors for ${category} events must have a field selector for ${required}.`);
    }
  }
}

function checkDuplicates(fields: readonly AdvancedFieldSelector[], where: string): void {
  const seen = new Set<string>();
  for (const { Field } of fields) {
    if (seen.has(Field)) {
      throw invalidEventSelectors(
        `${where}: ${Field} appears in more than one field selector; put all its operators in one field selector.`,
      );
    }
    seen.add(Field);
  }
}

function selectorCategory(fields: readonly AdvancedFieldSelector[], where: string, owner: SelectorOwner): string {
  const index = fields.findIndex((field) => field.Field === 'eventCategory');
  const field = fields[index];
  if (field === undefined) throw invalidEventSelectors(`${where} must have an eventCategory field selector.`);
  checkFieldRule(field, EVENT_CATEGORY_RULE, `${where}.FieldSelectors[${index}]`);
  const category = field.Equals?.[0] ?? '';
  const allowed = categoriesFor(owner);
  if (!allowed.includes(category)) {
    throw invalidEventSelectors(
      `${where}: eventCategory '${category}' cannot be selected by ${ownerName(owner)}s; use one of ${allowed.join(', ')}.`,
    );
  }
  return category;
}

function checkFieldRule(field: AdvancedFieldSelector, rule: FieldRule | undefined, where: string): void {
  if (rule === undefined) return;
  const used = usedOperators(field);
  const fail = (problem: string) => invalidEventSelectors(`${where} (${field.Field}): ${problem}; ${rule.hint}.`);
  for (const [operator, values] of used) {
    if (rule.operators && !rule.operators.includes(operator)) {
      throw fail(`operator ${operator} is not allowed, only ${rule.operators.join(', ')}`);
    }
    const checkEquality = rule.equalityPattern !== undefined && EQUALITY_OPERATORS.includes(operator);
    for (const value of values) {
      if (rule.values && !rule.values.includes(value)) throw fail(`'${value}' is not an accepted value`);
      if (rule.pattern && !rule.pattern.test(value)) throw fail(`'${value}' is not an accepted value`);
      if (checkEquality && !rule.equalityPattern?.test(value)) throw fail(`'${value}' is not a complete ARN`);
    }
  }
  const count = valueCount(field);
  if (rule.exactlyOneValue && count !== 1) throw fail(`exactly one value is required, got ${count}`);
}

function checkTotals(selectors: readonly AdvancedEventSelector[]): void {
  let values = 0;
  let resourceArns = 0;
  for (const { FieldSelectors } of selectors) {
    for (const field of FieldSelectors) {
      const count = valueCount(field);
      values += count;
      if (field.Field === 'resources.ARN') resourceArns += count;
    }
  }
  if (values > MAX_ADVANCED_VALUES) {
    throw invalidEventSelectors(
      `Advanced event selectors may hold at most ${MAX_ADVANCED_VALUES} values in total; got ${values}.`,
    );
  }
  if (resourceArns > MAX_ADVANCED_RESOURCE_ARNS) {
    throw invalidEventSelectors(
      `Advanced event selectors may name at most ${MAX_ADVANCED_RESOURCE_ARNS} resources.ARN values; got ${resourceArns}.`,
    );
  }
}

const ownerName = (owner: SelectorOwner): string => (owner === 'trail' ? 'trail' : 'event data store');
