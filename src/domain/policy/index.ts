// The policy language and its evaluator: the module's public face, for the IAM/STS layer and the edge.
export type { PolicyDocument, PolicyKind, PolicyStatement, PrincipalSpec, ConditionClause, Effect } from './policy-document.js';
export { parsePolicyDocument } from './parse-policy-document.js';
export { PolicyDocumentError } from './policy-document-error.js';
export type { AuthorizationRequest, ContextValue, Decision, DenyScope, PolicySet, RequestPrincipal } from './authorization.js';
export { compilePolicySet, evaluate, evaluateCompiled, type CompiledPolicySet } from './evaluate.js';
export { buildRequestContext, principalTypeOf, type PrincipalType, type RequestContextInput } from './request-context.js';
