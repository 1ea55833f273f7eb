// Why IAM refused a policy document. Its message is IAM's own wording; the IAM operations turn it into
// MalformedPolicyDocument (the domain stays free of the service's error catalogue).

export class PolicyDocumentError extends Error {
  override readonly name = 'PolicyDocumentError';
}

export const SYNTAX_ERRORS = 'Syntax errors in policy.';
