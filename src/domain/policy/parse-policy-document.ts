// Parses and validates policy JSON the way IAM does before it stores a document, with IAM's messages. Size limits
// are the caller's (they differ per policy type); so is checking that named principals exist.
import { parseCondition } from './parse-condition.js';
import { parsePrincipal } from './parse-principal.js';
import { hasVendor, isObject, stringList, VENDOR_PREFIX, type Json } from './parse-values.js';
import { POLICY_VERSIONS, type Effect, type PolicyDocument, type PolicyKind, type PolicyStatement } from './policy-document.js';
import { PolicyDocumentError, SYNTAX_ERRORS } from './policy-document-error.js';

const DOCUMENT_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
  'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition',
]);
const LEGACY_VERSION = '2008-10-17';
const TRUST_ACTION = /^(\*|sts:.+)$/i;

export function parsePolicyDocument(text: string, kind: PolicyKind): PolicyDocument {
  const root = parseJson(text);
  if (!isObject(root)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  for (const field of Object.keys(root)) if (!DOCUMENT_FIELDS.has(field)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  const version = parseVersion(root.Version);
  if (root.Statement === undefined) throw new PolicyDocumentError('Missing required field Statement');
  const raw = Array.isArray(root.Statement) ? root.Statement : [root.Statement];
  if (raw.length === 0) throw new PolicyDocumentError(SYNTAX_ERRORS);
  const statements = raw.map((s) => parseStatement(s, kind));
  checkSids(statements, kind);
  return { version, statements, kind };
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new PolicyDocumentError(SYNTAX_ERRORS);
  }
}

function parseVersion(value: Json | undefined): string {
  if (value === undefined) return LEGACY_VERSION;
  if (typeof value !== 'string' || !(POLICY_VERSIONS as readonly string[]).includes(value)) {
    throw new PolicyDocumentError(`The policy failed legacy parsing: Version must be 2012-10-17 or 2008-10-17; got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseStatement(value: Json, kind: PolicyKind): PolicyStatement {
  if (!isObject(value)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  for (const field of Object.keys(value)) if (!STATEMENT_FIELDS.has(field)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  const statement: { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] } = {
    effect: parseEffect(value.Effect),
    conditions: parseCondition(value.Condition),
  };
  if (value.Sid !== undefined) {
    if (typeof value.Sid !== 'string') throw new PolicyDocumentError(SYNTAX_ERRORS);
    statement.sid = value.Sid;
  }
  Object.assign(statement, parseActions(value, kind), parseResources(value, kind), parsePrincipals(value, kind));
  return statement;
}

function parseEffect(value: Json | undefined): Effect {
  if (value === undefined) throw new PolicyDocumentError('Missing required field Effect');
  if (value !== 'Allow' && value !== 'Deny') throw new PolicyDocumentError(`Invalid effect: ${String(value)}`);
  return value;
}

/** Exactly one of two complementary elements (Action/NotAction, …), or neither. */
function oneOf(value: Record<string, Json>, positive: string, negative: string): [string, Json] | undefined {
  const a = value[positive];
  const b = value[negative];
  if (a !== undefined && b !== undefined) {
    throw new PolicyDocumentError(`${SYNTAX_ERRORS} A statement cannot have both ${positive} and ${negative}.`);
  }
  if (a !== undefined) return [positive, a];
  if (b !== undefined) return [negative, b];
  return undefined;
}

function parseActions(value: Record<string, Json>, kind: PolicyKind): Partial<PolicyStatement> {
  const found = oneOf(value, 'Action', 'NotAction');
  const actions = found ? stringList(found[1]) : [];
  if (actions.length === 0) throw new PolicyDocumentError('Policy statement must contain actions.');
  for (const action of actions) {
    if (action !== '*' && !hasVendor(action)) throw new PolicyDocumentError(VENDOR_PREFIX);
    if (kind === 'trust' && !TRUST_ACTION.test(action)) {
      throw new PolicyDocumentError('AssumeRole policy may only specify STS AssumeRole actions.');
    }
  }
  return found?.[0] === 'Action' ? { action: actions } : { notAction: actions };
}

function parseResources(value: Record<string, Json>, kind: PolicyKind): Partial<PolicyStatement> {
  const found = oneOf(value, 'Resource', 'NotResource');
  if (kind === 'trust') {
    if (found) throw new PolicyDocumentError(`Has prohibited field ${found[0]}`);
    return {};
  }
  const resources = found ? stringList(found[1]) : [];
  if (resources.length === 0) throw new PolicyDocumentError('Policy statement must contain resources.');
  for (const resource of resources) {
    if (!isResourcePattern(resource)) throw new PolicyDocumentError(`Resource ${resource} must be in ARN format or "*".`);
  }
  return found?.[0] === 'Resource' ? { resource: resources } : { notResource: resources };
}

/** "*", a full ARN (six segments, the last possibly empty), or an ARN cut short by a trailing wildcard. */
function isResourcePattern(resource: string): boolean {
  if (resource === '*') return true;
  if (!resource.startsWith('arn:')) return false;
  return resource.split(':').length >= 6 || resource.endsWith('*');
}

function parsePrincipals(value: Record<string, Json>, kind: PolicyKind): Partial<PolicyStatement> {
  const found = oneOf(value, 'Principal', 'NotPrincipal');
  if (kind === 'identity') {
    if (found) throw new PolicyDocumentError('Policy document should not specify a principal.');
    return {};
  }
  if (!found) throw new PolicyDocumentError('Missing required field Principal');
  const spec = parsePrincipal(found[1]);
  return found[0] === 'Principal' ? { principal: spec } : { notPrincipal: spec };
}

function checkSids(statements: readonly PolicyStatement[], kind: PolicyKind): void {
  const seen = new Set<string>();
  for (const { sid } of statements) {
    if (sid === undefined) continue;
    if (kind !== 'resource' && !/^[0-9A-Za-z]*$/.test(sid)) {
      throw new PolicyDocumentError(
        'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
      );
    }
    if (sid !== '' && seen.has(sid)) throw new PolicyDocumentError('Statement IDs (SID) in a single policy must be unique.');
    seen.add(sid);
  }
}
