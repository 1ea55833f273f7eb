// The Condition element: `{"Operator": {"key": value | [values]}}`, operators optionally qualified with
// ForAnyValue:/ForAllValues: and suffixed with IfExists. Multiple operators and keys are ANDed, values ORed.
import { conditionOperator } from './condition-operators.js';
import type { ConditionClause } from './policy-document.js';
import { PolicyDocumentError, SYNTAX_ERRORS } from './policy-document-error.js';
import { hasVendor, isObject, scalarList, VENDOR_PREFIX, type Json } from './parse-values.js';

const SET_OPERATORS = new Map<string, 'ForAnyValue' | 'ForAllValues'>([
  ['foranyvalue', 'ForAnyValue'],
  ['forallvalues', 'ForAllValues'],
]);

export function parseCondition(value: Json | undefined): ConditionClause[] {
  if (value === undefined) return [];
  if (!isObject(value)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const parsed = parseOperator(operator);
    if (!isObject(block)) throw new PolicyDocumentError(SYNTAX_ERRORS);
    for (const [key, raw] of Object.entries(block)) {
      if (!hasVendor(key)) throw new PolicyDocumentError(VENDOR_PREFIX);
      const values = scalarList(raw);
      checkValues(operator, parsed.base, values);
      clauses.push({ operator, ...parsed, key, values });
    }
  }
  return clauses;
}

type OperatorParts = Pick<ConditionClause, 'set' | 'base' | 'ifExists'>;

function parseOperator(operator: string): OperatorParts {
  const invalid = () => new PolicyDocumentError(`Invalid Condition type : ${operator}`);
  const colon = operator.indexOf(':');
  const set = colon < 0 ? undefined : SET_OPERATORS.get(operator.slice(0, colon).toLowerCase());
  if (colon >= 0 && !set) throw invalid();
  let base = colon < 0 ? operator : operator.slice(colon + 1);
  const ifExists = /IfExists$/i.test(base) && base.length > 'IfExists'.length;
  if (ifExists) base = base.slice(0, -'IfExists'.length);
  if (base.toLowerCase() === 'null') {
    if (ifExists || set) throw invalid();
    return { base: 'Null', ifExists: false };
  }
  const known = conditionOperator(base);
  if (!known) throw invalid();
  return set ? { set, base: known.name, ifExists } : { base: known.name, ifExists };
}

function checkValues(operator: string, base: string, values: readonly string[]): void {
  const bad = base === 'Null'
    ? values.find((v) => !/^(true|false)$/i.test(v))
    : conditionOperator(base)?.invalidValue(values);
  if (bad !== undefined) throw new PolicyDocumentError(`Invalid value for condition ${operator}: "${bad}"`);
}
