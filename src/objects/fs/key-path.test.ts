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
