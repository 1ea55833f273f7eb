// What IAM checks of a role: its trust policy (a policy with a Principal, for sts:AssumeRole) and how long its
// sessions may last (1 to 12 hours).
import type { PolicyTexts } from '../access/policy-texts.js';
import { checkPolicyDocument } from './iam-policy-documents.js';
import { validationError } from './iam-errors.js';

export const TRUST_POLICY_MAX = 2048;

export function checkTrustPolicy(texts: PolicyTexts, text: string): string {
  return checkPolicyDocument(texts, text, 'trust', TRUST_POLICY_MAX);
}

export function checkMaxSessionDuration(seconds: number | undefined): number {
  const value = seconds ?? 3600;
  if (value < 3600 || value > 43200) {
    throw validationError('maxSessionDuration', String(value), 'Member must have value between 3600 and 43200');
  }
  return value;
}
