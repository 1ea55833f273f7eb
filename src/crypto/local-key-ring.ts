// The local Signer: per region, RSA-2048 key pairs under `<data-dir>/signing-keys/<region>/`. Private keys are PKCS#8
// PEM files of mode 0600 that nothing outside this file reads; the public halves sit beside them as JSON. A key signs
// for one rotation interval and stays valid for two, so consecutive keys' validity windows overlap and a digest
// signed just before a rotation still verifies with the key ListPublicKeys returns for its time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { publicKeyFingerprint } from '../domain/digest/public-key-fingerprint.js';
import type { PublicKeyInfo, Signer } from './signer.js';

const generateKeyPair = promisify(crypto.generateKeyPair);

export const SIGNING_KEYS_DIR = 'signing-keys';
const REGION_PATTERN = /^[a-z0-9-]{1,64}$/;

interface StoredPublicKey {
  fingerprint: string;
  publicKey: string;
  validityStartMs: number;
  validityEndMs: number;
}

export interface LocalKeyRingOptions {
  dataDir: string;
  /** How long a key signs before the next one takes over. */
  rotationMs: number;
  /**
   * Never make a key (validate-logs --direct, which must leave the data dir as it found it): sign only with a key
   * still valid at the time, or fail.
   */
  readOnly?: boolean;
}

export class UnknownSigningKeyError extends Error {}

export class LocalKeyRing implements Signer {
  readonly #root: string;
  readonly #rotationMs: number;
  readonly #readOnly: boolean;
  /** Per region, oldest first. */
  readonly #keys = new Map<string, PublicKeyInfo[]>();
  readonly #privateKeys = new Map<string, crypto.KeyObject>();
  /** One rotation at a time per region: concurrent passes must not make two keys. */
  readonly #rotating = new Map<string, Promise<PublicKeyInfo>>();

  constructor(options: LocalKeyRingOptions) {
    this.#root = path.join(options.dataDir, SIGNING_KEYS_DIR);
    this.#rotationMs = options.rotationMs;
    this.#readOnly = options.readOnly ?? false;
  }

  async signingKey(region: string, atMs: number): Promise<string> {
    const keys = this.#regionKeys(region);
    const newest = keys.at(-1);
    if (this.#readOnly) return validKeyAt(keys, region, atMs);
    if (!newest || atMs >= newest.validityStartMs + this.#rotationMs) return (await this.#rotate(region, atMs)).fingerprint;
    const inForce = keys.filter((k) => k.validityStartMs <= atMs).at(-1) ?? newest;
    return inForce.fingerprint;
  }

  async sign(region: string, fingerprint: string, data: Uint8Array): Promise<Buffer> {
    return crypto.sign('sha256', data, { key: this.#privateKey(region, fingerprint), padding: crypto.constants.RSA_PKCS1_PADDING });
  }

  async publicKeys(region: string, fromMs: number, toMs: number): Promise<PublicKeyInfo[]> {
    if (!REGION_PATTERN.test(region)) return [];
    this.#keys.delete(region); // another process sharing the data dir may have rotated
    return this.#regionKeys(region).filter((k) => k.validityStartMs <= toMs && k.validityEndMs >= fromMs);
  }

  async allPublicKeys(): Promise<PublicKeyInfo[]> {
    if (!fs.existsSync(this.#root)) return [];
    const regions = fs.readdirSync(this.#root).filter((name) => REGION_PATTERN.test(name)).sort();
    return regions.flatMap((region) => {
      this.#keys.delete(region);
      return this.#regionKeys(region);
    });
  }

  async #rotate(region: string, atMs: number): Promise<PublicKeyInfo> {
    const running = this.#rotating.get(region);
    if (running) return running;
    const rotation = this.#createKey(region, atMs).finally(() => this.#rotating.delete(region));
    this.#rotating.set(region, rotation);
    return rotation;
  }

  async #createKey(region: string, atMs: number): Promise<PublicKeyInfo> {
    const { publicKey, privateKey } = await generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
    const pkcs1Der = publicKey.export({ type: 'pkcs1', format: 'der' });
    const info: PublicKeyInfo = {
      region,
      fingerprint: publicKeyFingerprint(pkcs1Der),
      pkcs1Der,
      validityStartMs: atMs,
      validityEndMs: atMs + 2 * this.#rotationMs,
    };
    const dir = this.#regionDir(region);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const base = path.join(dir, `${String(atMs).padStart(15, '0')}-${info.fingerprint}`);
    // The private half first: a public key is only ever listed once its private half is safely on disk.
    writeFileAtomic(`${base}.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }), 0o600);
    const stored: StoredPublicKey = {
      fingerprint: info.fingerprint,
      publicKey: pkcs1Der.toString('base64'),
      validityStartMs: info.validityStartMs,
      validityEndMs: info.validityEndMs,
    };
    writeFileAtomic(`${base}.json`, JSON.stringify(stored), 0o644);
    this.#privateKeys.set(`${region}/${info.fingerprint}`, privateKey);
    this.#keys.delete(region);
    return info;
  }

  #regionKeys(region: string): PublicKeyInfo[] {
    const cached = this.#keys.get(region);
    if (cached) return cached;
    const dir = this.#regionDir(region);
    const keys = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => readPublicKey(region, path.join(dir, name)))
      : [];
    keys.sort((a, b) => a.validityStartMs - b.validityStartMs);
    this.#keys.set(region, keys);
    return keys;
  }

  #privateKey(region: string, fingerprint: string): crypto.KeyObject {
    const id = `${region}/${fingerprint}`;
    const cached = this.#privateKeys.get(id);
    if (cached) return cached;
    const dir = this.#regionDir(region);
    const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((name) => name.endsWith(`-${fingerprint}.pem`)) : undefined;
    if (!file) throw new UnknownSigningKeyError(`no private key ${fingerprint} for region ${region}`);
    const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, file)));
    this.#privateKeys.set(id, key);
    return key;
  }

  #regionDir(region: string): string {
    // Regions come from request signatures: never let one name a path outside the key ring.
    if (!REGION_PATTERN.test(region)) throw new UnknownSigningKeyError(`not a region name: ${JSON.stringify(region)}`);
    return path.join(this.#root, region);
  }
}

function readPublicKey(region: string, file: string): PublicKeyInfo {
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredPublicKey;
  return {
    region,
    fingerprint: stored.fingerprint,
    pkcs1Der: Buffer.from(stored.publicKey, 'base64'),
    validityStartMs: stored.validityStartMs,
    validityEndMs: stored.validityEndMs,
  };
}

function writeFileAtomic(file: string, content: string | Buffer, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode });
  fs.chmodSync(temp, mode); // writeFileSync's mode is narrowed by the umask; the key's mode must be exact
  fs.renameSync(temp, file);
}

function validKeyAt(keys: readonly PublicKeyInfo[], region: string, atMs: number): string {
  const valid = keys.filter((k) => k.validityStartMs <= atMs && k.validityEndMs >= atMs).at(-1);
  if (!valid) throw new UnknownSigningKeyError(`no signing key of ${region} is valid now, and a read-only key ring makes none`);
  return valid.fingerprint;
}
