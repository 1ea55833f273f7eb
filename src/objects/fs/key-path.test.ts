import { describe, expect, it } from 'vitest';
import { classifyEntry, keyToPath, objectFiles } from './key-path.js';

/** The key a path stands for, read back the way the listing walk reads folder names. */
function keyOf(folders: string[], base: string): string {
  const parts = [...folders, objectFiles.meta(base)].map((name) => {
    const entry = classifyEntry(name);
    if (entry.kind === 'other') throw new Error(`${name} does not name part of a key`);
    return entry.fragment;
  });
  return Buffer.concat(parts).toString('utf8');
}

function randomKey(): string {
  const alphabet = ['a', 'Z', '/', '.', '..', '%', '^', '~', '+', ' ', 'é', '日', '😀', '\u0000', '\\', '-', '_'];
  const length = 1 + Math.floor(Math.random() * 12);
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

describe('keyToPath', () => {
  it('turns segments into folders and escapes what is unsafe', () => {
    expect(keyToPath('AWSLogs/123/CloudTrail/x.json.gz')).toEqual({
      folders: ['^a^w^s^logs', '123', '^cloud^trail'],
      base: 'x.json.gz',
    });
    expect(keyToPath('a b/ü')).toEqual({ folders: ['a%20b'], base: '%c3%bc' });
  });

  it('never makes `.`, `..` or an empty name, so no key leaves its bucket', () => {
    for (const key of ['..', '../..', '../../etc/passwd', './x', 'a/./b', '/', '//', 'a/', '.hidden/.x']) {
      const { folders, base } = keyToPath(key);
      for (const name of [...folders, base]) {
        expect(name, key).not.toMatch(/^\.{1,2}$/);
        expect(name, key).not.toBe('');
        expect(name, key).not.toMatch(/^\./);
        expect(name, key).not.toMatch(/[/\\]/);
      }
    }
    expect(keyToPath('../x')).toEqual({ folders: ['%2e.'], base: 'x' });
    expect(keyToPath('a/')).toEqual({ folders: ['a'], base: '%' });
  });

  it('escapes keys of letters, digits, `-`, `_`, `.` and `/` alone as it escapes any other key', () => {
    expect(keyToPath('AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/x_CloudTrail_20261124T0402Z_aB.json.gz')).toEqual({
      folders: ['^a^w^s^logs', '123456789012', '^cloud^trail-^digest', 'us-east-1', '2026'],
      base: 'x_^cloud^trail_20261124^t0402^z_a^b.json.gz',
    });
    expect(keyToPath('.a/b')).toEqual({ folders: ['%2ea'], base: 'b' });
    expect(keyToPath('a//b')).toEqual({ folders: ['a', '%'], base: 'b' });
    const long = keyToPath(`${'A'.repeat(150)}/x`);
    expect(long).toEqual({ folders: [`${'^a'.repeat(100)}+`, '^a'.repeat(50)], base: 'x' });
    const alphabet = ['a', 'Z', 'Q', '0', '/', '.', '-', '_', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'];
    for (let i = 0; i < 500; i++) {
      const key = Array.from({ length: 1 + Math.floor(Math.random() * 10) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
      const { folders, base } = keyToPath(key);
      expect(keyOf(folders, base), key).toBe(key);
      for (const name of [...folders, base]) expect(name.length, key).toBeLessThanOrEqual(201);
    }
  });

  it('gives keys that differ only by case names that differ even without case', () => {
    const names = ['Key', 'key', 'KEY', 'kEy'].map((key) => keyToPath(key).base.toLowerCase());
    expect(new Set(names).size).toBe(4);
  });

  it('keeps an object apart from a folder of the same prefix', () => {
    const object = objectFiles.meta(keyToPath('x').base);
    const folder = keyToPath('x/y').folders[0];
    expect(object).not.toBe(folder);
    expect(classifyEntry(object).kind).toBe('object');
    expect(classifyEntry(folder!).kind).toBe('folder');
  });

  it('splits a segment too long for one name into continued folders', () => {
    const key = 'É'.repeat(400) + '/tail';
    const { folders, base } = keyToPath(key);
    expect(folders.length).toBeGreaterThan(2);
    expect(folders.slice(0, -1).every((name) => name.endsWith('+'))).toBe(true);
    for (const name of [...folders, objectFiles.temp(base, 'f'.repeat(16))]) expect(Buffer.byteLength(name)).toBeLessThan(255);
    expect(keyOf(folders, base)).toBe(key);
  });

  it('round-trips every key, and no two keys share a path', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 5000; i++) {
      const key = randomKey();
      const { folders, base } = keyToPath(key);
      expect(keyOf(folders, base), JSON.stringify(key)).toBe(key);
      const where = [...folders, base].join('/').toLowerCase();
      const other = seen.get(where);
      if (other !== undefined) expect(other).toBe(key);
      seen.set(where, key);
    }
  });

  it('treats foreign files as nothing', () => {
    for (const name of ['.DS_Store', '.nfs0001', 'README', 'Upper', '%zz', 'x~v123', 'x~t9', '^1']) {
      expect(classifyEntry(name).kind === 'object').toBe(false);
    }
    expect(classifyEntry('Upper').kind).toBe('other');
    expect(classifyEntry('.DS_Store').kind).toBe('other');
    expect(classifyEntry('.nfs0001').kind).toBe('other');
  });
});
