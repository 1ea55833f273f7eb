// S3 names owners by a 64-hex-digit canonical user id, not by account id. opentrail derives one from the account,
// so it is stable and the same wherever it appears (ListBuckets, listings with fetch-owner).
import { createHash } from 'node:crypto';
import { element, type Xml } from '../../protocols/s3-xml.js';

export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`opentrail-canonical-user:${accountId}`).digest('hex');
}

export function ownerElement(accountId: string): Xml {
  return element('Owner', [element('ID', canonicalUserId(accountId))]);
}
