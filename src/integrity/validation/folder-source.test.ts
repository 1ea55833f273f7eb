import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderSource } from './folder-source.js';

let root: string;
function put(key: string, content: string | Buffer): void {
  const file = path.join(root, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-source-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('FolderSource', () => {
  it('lists keys under a prefix after a marker in S3\'s byte order, without signature files', async () => {
    for (const key of ['a/d/2025/01/02/x.json.gz', 'a/d/2025/01/01/y.json.gz', 'a/d/2025/01/01/y.json.gz.signature', 'a/e/z.json.gz']) put(key, 'x');
    const source = new FolderSource(root);
    expect(await source.list('b', 'a/d', '')).toEqual(['a/d/2025/01/01/y.json.gz', 'a/d/2025/01/02/x.json.gz']);
    expect(await source.list('b', 'a/d', 'a/d/2025/01/01/y.json.gz')).toEqual(['a/d/2025/01/02/x.json.gz']);
    expect(await source.list('b', 'nothing/here', '')).toEqual([]);
  });

  it('reads a digest with the signature beside it, and hashes a log file\'s first gzip member', async () => {
    put('k.json.gz', zlib.gzipSync('{"Records":[]}'));
    put('k.json.gz.signature', 'abcd\n');
    const source = new FolderSource(root);
    expect((await source.read('b', 'k.json.gz'))?.signature).toBe('abcd');
    expect(await source.read('b', 'missing')).toBeUndefined();
    expect(await source.hashLogFile('b', 'k.json.gz')).toEqual({ kind: 'hash', sha256: crypto.createHash('sha256').update('{"Records":[]}').digest('hex') });
    expect(await source.hashLogFile('b', 'missing')).toEqual({ kind: 'not-found' });
    put('plain.json', '{}');
    expect(await source.hashLogFile('b', 'plain.json')).toEqual({ kind: 'invalid-format' });
  });

  it('never reads outside the folder, whatever a digest names', async () => {
    const source = new FolderSource(path.join(root, 'copy'));
    put('secret', 'x');
    await expect(source.hashLogFile('b', '../secret')).rejects.toThrow(/leaves the folder/);
  });

  it('says it cannot read a bucket other than the one it is a copy of', () => {
    expect(new FolderSource(root, 'b').cannotRead('b')).toBeUndefined();
    expect(new FolderSource(root, 'b').cannotRead('old')).toBe('not in the offline copy, which holds s3://b only');
    expect(new FolderSource(root).cannotRead('old')).toBeUndefined();
  });
});
