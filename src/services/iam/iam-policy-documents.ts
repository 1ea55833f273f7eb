// Policy documents as IAM takes them: within its size quotas, and valid policy language for their kind (identity,
// or trust for roles); the text is kept as given.
import { PolicyDocumentError, type PolicyKind } from '../../domain/policy/index.js';
import type { PolicyTexts } from '../access/policy-texts.js';
import { malformedPolicy } from './iam-errors.js';
import { ServiceError } from '../../errors/service-error.js';

/** IAM counts policy size without whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** Inline policies share one quota per entity: what its other policies use counts against this one. */
export interface SharedQuota {
  entity: string;
  used: number;
}

export function checkPolicyDocument(texts: PolicyTexts, text: string, kind: PolicyKind, maxSize: number, shared?: SharedQuota): string {
  if (text.length === 0 || text.length > 131_072) throw malformedPolicy('Syntax errors in policy.');
  if (policySize(text) + (shared?.used ?? 0) > maxSize) {
    if (shared) throw new ServiceError('LimitExceeded', `Maximum policy size of ${maxSize} bytes exceeded for ${shared.entity}`);
    throw malformedPolicy(`Cannot exceed quota for PolicySize: ${maxSize}`);
  }
  try {
    texts.parse(text, kind);
  } catch (err) {
    if (err instanceof PolicyDocumentError) throw malformedPolicy(err.message);
    throw err;
  }
  return text;
}

/** IAM sends policy documents URL-encoded (botocore decodes them; SDKs leave that to the caller). */
export function encodedDocument(text: string): string {
  return encodeURIComponent(text);
}
