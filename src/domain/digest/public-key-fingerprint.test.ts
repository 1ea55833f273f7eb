import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFingerprint } from './public-key-fingerprint.js';

// The key and fingerprint AWS publishes in its ListPublicKeys sample response (spec §3.6).
const PUBLISHED_KEY = 'MIIBCgKCAQEAn11L2YZ9h7onug2ILi1MWyHiMRsTQjfWE+pHVRLk1QjfWhirG+lpOa8NrwQ/r7Ah5bNL6HepznOU9XTDSfmmnP97mqyc7z/upfZdS/AHhYcGaz7n6Wc/RRBU6VmiPCrAUojuSk6/GjvA8iOPFsYDuBtviXarvuLPlrT9kAd4Lb+rFfR5peEgBEkhlzc5HuWO7S0y+KunqxX6jQBnXGMtxmPBPP0FylgWGNdFtks/4YSKcgqwH0YDcawP9GGGDAeCIqPWIXDLG1jOjRRzWfCmD0iJUkz8vTsn4hq/5ZxRFE7UBAUiVcGbdnDdvVfhF9C3dQiDq3k7adQIziLT0cShgQIDAQAB';

describe('publicKeyFingerprint', () => {
  it('is the MD5 hex of the PKCS#1 DER, as in AWS\'s published example', () => {
    expect(publicKeyFingerprint(Buffer.from(PUBLISHED_KEY, 'base64'))).toBe('8eba5db5bea9b640d1c96a77256fe7f2');
  });

  it('takes the PKCS#1 form, which Node exports and loads as such', () => {
    const key = crypto.createPublicKey({ key: Buffer.from(PUBLISHED_KEY, 'base64'), format: 'der', type: 'pkcs1' });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    // The same key as opentrail's key ring holds it (a key object it made, not one loaded from PKCS#1: Node 24's
    // OpenSSL refuses to write such a one back as PKCS#1, and opentrail never does), exported as it publishes keys.
    const held = crypto.createPublicKey({ key: key.export({ format: 'jwk' }), format: 'jwk' });
    expect(held.export({ type: 'pkcs1', format: 'der' }).toString('base64')).toBe(PUBLISHED_KEY);
  });
});
