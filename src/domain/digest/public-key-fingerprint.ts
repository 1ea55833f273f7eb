// A public key's fingerprint (spec §3.6): lower-case hex MD5 of the PKCS#1 RSAPublicKey DER bytes that ListPublicKeys
// carries. Digests name their signing key by it, and the CLI matches the two strings for equality.
import crypto from 'node:crypto';

export function publicKeyFingerprint(pkcs1Der: Uint8Array): string {
  return crypto.createHash('md5').update(pkcs1Der).digest('hex');
}
