// JSON shapes shared by the parsers: elements that take one string or a list of them.
import { PolicyDocumentError, SYNTAX_ERRORS } from './policy-document-error.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string or a list of strings; anything else is a syntax error. */
export function stringList(value: Json | undefined): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item !== 'string') throw new PolicyDocumentError(SYNTAX_ERRORS);
    return item;
  });
}

/** Condition values may be JSON numbers and booleans too; IAM keeps them as their text. */
export function scalarList(value: Json | undefined): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    throw new PolicyDocumentError(SYNTAX_ERRORS);
  });
}

export const VENDOR_PREFIX = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

/** `vendor:name`, as actions and condition keys must be written; a vendor may be an OIDC provider's host/path. */
export const hasVendor = (text: string): boolean => /^[^:\s]+:./s.test(text);
