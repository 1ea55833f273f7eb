// IAM's member constraints (the model's patterns and lengths), checked before anything changes.
import { validationError } from './iam-errors.js';

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const ACCESS_KEY_ID = /^[\w]+$/;

function lowerFirst(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

/** User, group, role and policy names. */
export function checkName(member: string, value: string, max: number): string {
  if (value.length < 1 || value.length > max) {
    throw validationError(lowerFirst(member), value, `Member must have length less than or equal to ${max}`);
  }
  if (!NAME.test(value)) {
    throw validationError(lowerFirst(member), value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  }
  return value;
}

export function checkPath(member: string, value: string | undefined): string {
  const path = value ?? '/';
  if (path.length > 512 || !PATH.test(path)) {
    throw validationError(lowerFirst(member), path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
  }
  return path;
}

export function checkAccessKeyId(value: string): string {
  if (value.length < 16 || value.length > 128 || !ACCESS_KEY_ID.test(value)) {
    throw validationError('accessKeyId', value, 'Member must satisfy regular expression pattern: [\\w]+');
  }
  return value;
}

export function checkDescription(value: string | undefined): string | undefined {
  if (value !== undefined && value.length > 1000) {
    throw validationError('description', value, 'Member must have length less than or equal to 1000');
  }
  return value;
}
