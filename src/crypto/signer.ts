// The Signer port (design.md): signs digests with a region's private key and publishes the public halves. The local
// key ring (./local-key-ring.ts) keeps keys in the data dir; an external key store (KMS, HSM) can replace it, since
// nothing outside this port ever sees a private key.

export interface PublicKeyInfo {
  region: string;
  /** Lower-case hex MD5 of `pkcs1Der` (spec §3.6). */
  fingerprint: string;
  /** DER of the PKCS#1 RSAPublicKey: what ListPublicKeys carries, base64-encoded once. */
  pkcs1Der: Buffer;
  validityStartMs: number;
  validityEndMs: number;
}

export interface Signer {
  /**
   * The fingerprint of the key that signs the region's digests at `atMs`: the newest key valid then. Rotates first
   * when the newest key is due to be replaced.
   */
  signingKey(region: string, atMs: number): Promise<string>;
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data`, with the region's key of that fingerprint (spec §3.5). */
  sign(region: string, fingerprint: string, data: Uint8Array): Promise<Buffer>;
  /** The region's keys whose validity overlaps [fromMs, toMs], oldest first; old keys are never dropped. */
  publicKeys(region: string, fromMs: number, toMs: number): Promise<PublicKeyInfo[]>;
  /** Every key of every region, for export. */
  allPublicKeys(): Promise<PublicKeyInfo[]>;
}
