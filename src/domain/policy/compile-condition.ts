// A statement's Condition block compiled into one test of the request. AWS semantics:
// - a key the request lacks makes positive operators false and negated ones (StringNotEquals, NotIpAddress, …)
//   true; `...IfExists` makes any operator true for a missing key; Null tests presence itself;
// - ForAnyValue: some request value passes (false for a missing or empty key unless IfExists);
//   ForAllValues: every request value passes (true for a missing or empty key);
// - unqualified on a multivalued key: a positive operator needs some value to match, a negated one needs none to.
import { conditionOperator } from './condition-operators.js';
import type { ConditionClause } from './policy-document.js';
import type { RequestView } from './request-view.js';

export type RequestTest = (view: RequestView) => boolean;

export function compileConditions(clauses: readonly ConditionClause[], variables: boolean): RequestTest | undefined {
  if (clauses.length === 0) return undefined;
  const tests = clauses.map((c) => compileClause(c, variables));
  if (tests.length === 1) return tests[0];
  return (view) => tests.every((test) => test(view));
}

function compileClause(clause: ConditionClause, variables: boolean): RequestTest {
  const key = clause.key.toLowerCase();
  if (clause.base === 'Null') {
    const wantAbsent = clause.values.map((v) => v.toLowerCase() === 'true');
    return (view) => {
      const absent = view.values(key) === undefined;
      return wantAbsent.some((want) => want === absent);
    };
  }
  const operator = conditionOperator(clause.base);
  if (!operator) throw new Error(`unparsed condition operator ${clause.operator}`);
  const matches = operator.build(clause.values, variables);
  const negated = operator.negated;
  const { set, ifExists } = clause;
  return (view) => {
    const got = view.values(key);
    if (got === undefined) {
      if (set === 'ForAllValues' || ifExists) return true;
      return set === 'ForAnyValue' ? false : negated;
    }
    if (set === 'ForAllValues') return got.every((v) => matches(v, view) !== negated);
    if (set === 'ForAnyValue') return got.some((v) => matches(v, view) !== negated);
    return got.some((v) => matches(v, view)) !== negated;
  };
}
