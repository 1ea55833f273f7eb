// IAM's unique ids and access key ids: a four-letter prefix naming the kind (AIDA user, AGPA group, AROA role,
// ANPA policy, AKIA long-term key, ASIA temporary key) and random base-32 characters, as AWS issues them.
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type IdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AKIA' | 'ASIA';

/** Unique ids are 21 characters, access key ids 20. */
export function newId(prefix: IdPrefix): string {
  const length = prefix === 'AKIA' || prefix === 'ASIA' ? 16 : 17;
  return prefix + [...crypto.randomBytes(length)].map((b) => ALPHABET[b % 32]).join('');
}

export function newSecretAccessKey(): string {
  return crypto.randomBytes(30).toString('base64');
}

export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2VjE${crypto.randomBytes(96).toString('base64')}`;
}
