// Access-key secrets must be usable for SigV4 (an HMAC needs the secret itself), so they cannot be hashed: they are
// sealed with AES-256-GCM under a master key that lives only in the data dir (mode 0600).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** Loads `<dataDir>/master.key`, creating it on first use. */
  static forDataDir(dataDir: string): SecretBox {
    const file = path.join(dataDir, 'master.key');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is damaged: expected 32 bytes, found ${key.length}`);
    return new SecretBox(key);
  }

  static fromKey(key: Buffer): SecretBox {
    return new SecretBox(Buffer.from(key));
  }

  seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split(':', 2);
    if (version !== VERSION || !payload) throw new Error('sealed secret has an unknown format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A key for MACs (e.g. pagination tokens) derived from the master key, so no second secret is needed. */
  derive(purpose: string): Buffer {
    return Buffer.from(crypto.hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
  }
}
