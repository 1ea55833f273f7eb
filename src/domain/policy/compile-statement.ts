// One statement compiled for the hot path: the action test first (cheapest, most selective), then the resource,
// then the principal (resource and trust policies only), then the conditions.
import type { RequestPrincipal } from './authorization.js';
import { compileConditions, type RequestTest } from './compile-condition.js';
import { anyPatternMatcher, type ValueMatcher } from './pattern-matcher.js';
import { supportsVariables, type Effect, type PolicyDocument, type PolicyStatement } from './policy-document.js';
import { compileNotPrincipal, compilePrincipal, type PrincipalMatch } from './principal-match.js';
import type { RequestView } from './request-view.js';

export interface CompiledStatement {
  readonly effect: Effect;
  readonly sid?: string;
  /** Action (lower-cased) and resource match, conditions hold; the principal is checked apart. */
  readonly applies: (lowerAction: string, view: RequestView) => boolean;
  /** How the statement's Principal names the caller; 'direct' for statements without one (identity policies). */
  readonly principal: (principal: RequestPrincipal) => PrincipalMatch;
}

// Documents are immutable once parsed, and a managed policy is attached to many principals: compile each once.
const compiledDocuments = new WeakMap<PolicyDocument, readonly CompiledStatement[]>();

export function compileDocument(document: PolicyDocument): readonly CompiledStatement[] {
  let statements = compiledDocuments.get(document);
  if (!statements) {
    const variables = supportsVariables(document);
    statements = document.statements.map((s) => compileStatement(s, variables));
    compiledDocuments.set(document, statements);
  }
  return statements;
}

function compileStatement(statement: PolicyStatement, variables: boolean): CompiledStatement {
  const action = included(statement.action, statement.notAction, 'glob-ci', false);
  const resource = included(statement.resource, statement.notResource, 'arn', variables);
  const conditions = compileConditions(statement.conditions, variables);
  const applies = (lowerAction: string, view: RequestView) =>
    action(lowerAction, view)
    && resource(view.request.resource, view)
    && (conditions === undefined || conditions(view));
  return { effect: statement.effect, sid: statement.sid, applies, principal: principalTest(statement) };
}

/** Action/NotAction, Resource/NotResource; a statement without the element (trust policies' Resource) matches all. */
function included(
  positive: readonly string[] | undefined,
  negative: readonly string[] | undefined,
  kind: 'glob-ci' | 'arn',
  variables: boolean,
): ValueMatcher {
  if (positive) return anyPatternMatcher(positive, kind, variables);
  if (negative) {
    const excluded = anyPatternMatcher(negative, kind, variables);
    return (text, view) => !excluded(text, view);
  }
  return () => true;
}

function principalTest(statement: PolicyStatement): CompiledStatement['principal'] {
  if (statement.principal) return compilePrincipal(statement.principal);
  if (statement.notPrincipal) {
    const applies = compileNotPrincipal(statement.notPrincipal);
    return (principal) => (applies(principal) ? 'direct' : 'none');
  }
  return () => 'direct';
}

/** A deny applies to a caller whom its Principal names at all. */
export const namesCaller = (match: PrincipalMatch): boolean => match !== 'none';
