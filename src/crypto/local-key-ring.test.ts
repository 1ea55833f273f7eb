import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyFingerprint } from '../domain/digest/public-key-fingerprint.js';
import { LocalKeyRing } from './local-key-ring.js';

const DAY = 86_400_000;
const dirs: string[] = [];
function ring(rotationMs = 10 * DAY): { ring: LocalKeyRing; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-ring-'));
  dirs.push(dataDir);
  return { ring: new LocalKeyRing({ dataDir, rotationMs }), dataDir };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('LocalKeyRing', () => {
  it('makes a region\'s first key on demand and signs so that its PKCS#1 public key verifies', async () => {
    const { ring: keys } = ring();
    const fingerprint = await keys.signingKey('us-east-1', 1_000);
    const [key] = await keys.publicKeys('us-east-1', 0, 2_000);
    expect(key!.fingerprint).toBe(fingerprint);
    expect(publicKeyFingerprint(key!.pkcs1Der)).toBe(fingerprint);
    const signature = await keys.sign('us-east-1', fingerprint, Buffer.from('data'));
    const publicKey = crypto.createPublicKey({ key: key!.pkcs1Der, format: 'der', type: 'pkcs1' });
    expect(crypto.verify('sha256', Buffer.from('data'), publicKey, signature)).toBe(true);
  }, 30_000);

  it('rotates after the interval, with overlapping validity, and keeps every old key', async () => {
    const { ring: keys } = ring();
    const first = await keys.signingKey('us-east-1', 0);
    expect(await keys.signingKey('us-east-1', 9 * DAY)).toBe(first);
    const second = await keys.signingKey('us-east-1', 10 * DAY);
    expect(second).not.toBe(first);
    // A digest of an earlier time is still signed with the key in force then (a pass written again after a crash).
    expect(await keys.signingKey('us-east-1', 5 * DAY)).toBe(first);
    const listed = await keys.publicKeys('us-east-1', 0, 30 * DAY);
    expect(listed.map((k) => [k.fingerprint, k.validityStartMs, k.validityEndMs])).toEqual([
      [first, 0, 20 * DAY], [second, 10 * DAY, 30 * DAY],
    ]);
    expect((await keys.publicKeys('us-east-1', 21 * DAY, 22 * DAY)).map((k) => k.fingerprint)).toEqual([second]);
  }, 30_000);

  it('read-only, signs with a key still valid and never makes one (validate-logs --direct leaves the data dir as it was)', async () => {
    const { ring: keys, dataDir } = ring();
    const first = await keys.signingKey('us-east-1', 0);
    const reader = new LocalKeyRing({ dataDir, rotationMs: 10 * DAY, readOnly: true });
    const files = () => fs.readdirSync(path.join(dataDir, 'signing-keys', 'us-east-1')).length;
    const before = files();
    // Past the rotation time but within the key's validity: a writing ring would make a new key here.
    expect(await reader.signingKey('us-east-1', 15 * DAY)).toBe(first);
    await expect(reader.signingKey('us-east-1', 25 * DAY)).rejects.toThrow('read-only');
    await expect(reader.signingKey('eu-west-1', 0)).rejects.toThrow('read-only');
    expect(files()).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'signing-keys', 'eu-west-1'))).toBe(false);
  }, 30_000);

  it('keeps regions apart and private keys owner-only, readable by a new ring on the same data dir', async () => {
    const { ring: keys, dataDir } = ring();
    const east = await keys.signingKey('us-east-1', 0);
    const west = await keys.signingKey('us-west-2', 0);
    expect(east).not.toBe(west);
    expect(await keys.publicKeys('eu-central-1', 0, DAY)).toEqual([]);
    expect(await keys.publicKeys('../etc', 0, DAY)).toEqual([]);
    const pem = fs.readdirSync(path.join(dataDir, 'signing-keys', 'us-east-1')).find((n) => n.endsWith('.pem'))!;
    expect(fs.statSync(path.join(dataDir, 'signing-keys', 'us-east-1', pem)).mode & 0o777).toBe(0o600);
    const again = new LocalKeyRing({ dataDir, rotationMs: 10 * DAY });
    expect(await again.signingKey('us-east-1', DAY)).toBe(east);
    expect((await again.sign('us-west-2', west, Buffer.from('x'))).length).toBe(256);
    expect((await again.allPublicKeys()).map((k) => k.region)).toEqual(['us-east-1', 'us-west-2']);
  }, 30_000);
});
