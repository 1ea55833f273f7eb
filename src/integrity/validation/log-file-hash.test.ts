import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipHeaderLength, hashGzipBytes, hashGzipBytesNow, hashGzipStream } from './log-file-hash.js';
import { MemberInflater } from './member-inflater.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const LOG = '{"Records":[{"eventName":"GetTrail"}]}';

describe('hashing a log file as validate-logs does', () => {
  it('hashes the decompressed bytes of a single-member file, from a buffer or a stream', async () => {
    const file = zlib.gzipSync(LOG);
    expect(await hashGzipBytes(file)).toEqual({ kind: 'hash', sha256: sha256(LOG) });
    expect(await hashGzipStream(Readable.from([file.subarray(0, 5), file.subarray(5)]))).toEqual({ kind: 'hash', sha256: sha256(LOG) });
  });

  it('hashes the first member only, as zlib.decompressobj leaves later members in unused_data', async () => {
    const file = Buffer.concat([zlib.gzipSync(LOG), zlib.gzipSync('{"Records":[{"eventName":"Smuggled"}]}')]);
    expect(await hashGzipBytes(file)).toEqual({ kind: 'hash', sha256: sha256(LOG) });
    const split = Buffer.concat([zlib.gzipSync(LOG.slice(0, 10)), zlib.gzipSync(LOG.slice(10))]);
    expect(await hashGzipBytes(split)).toEqual({ kind: 'hash', sha256: sha256(LOG.slice(0, 10)) });
  });

  it('ignores bytes after the first member that are not gzip', async () => {
    expect(await hashGzipBytes(Buffer.concat([zlib.gzipSync(LOG), Buffer.from('trailing')]))).toEqual({ kind: 'hash', sha256: sha256(LOG) });
  });

  // The expectations are what awscli's decompressobj loop yields for the same damage (checked with Python's zlib).
  it('calls a damaged trailer, damaged data or no gzip at all an invalid format', async () => {
    const file = zlib.gzipSync(LOG.repeat(50));
    const badCrc = Buffer.from(file);
    badCrc[badCrc.length - 8]! ^= 0xff;
    const badSize = Buffer.from(file);
    badSize[badSize.length - 1]! ^= 0x01;
    const badData = Buffer.from(file);
    badData[12]! ^= 0xff;
    for (const broken of [badCrc, badSize, badData, Buffer.from(LOG)]) {
      expect(await hashGzipBytes(broken)).toEqual({ kind: 'invalid-format' });
    }
  });

  it('hashes what a file cut short inflates to, as decompressobj does without raising', async () => {
    const log = LOG.repeat(50);
    const file = zlib.gzipSync(log);
    expect(await hashGzipBytes(file.subarray(0, file.length - 4))).toEqual({ kind: 'hash', sha256: sha256(log) });
    const cut = await hashGzipBytes(file.subarray(0, file.length / 2));
    expect(cut.kind).toBe('hash');
    expect(cut).not.toEqual({ kind: 'hash', sha256: sha256(log) });
    expect(await hashGzipBytes(Buffer.alloc(0))).toEqual({ kind: 'hash', sha256: sha256('') });
    expect(await hashGzipBytes(file.subarray(0, 5))).toEqual({ kind: 'hash', sha256: sha256('') });
  });

  it('reads headers with a file name, comment, extra field and header CRC', () => {
    const plain = zlib.gzipSync(LOG);
    const name = Buffer.from('log.json\0');
    const comment = Buffer.from('c\0');
    const extra = Buffer.from([3, 0, 1, 2, 3]);
    const header = Buffer.from(plain.subarray(0, 10));
    header[3] = 0x02 | 0x04 | 0x08 | 0x10;
    const full = Buffer.concat([header, extra, name, comment, Buffer.from([0, 0]), plain.subarray(10)]);
    expect(gzipHeaderLength(full)).toBe(10 + extra.length + name.length + comment.length + 2);
    expect(gzipHeaderLength(plain)).toBe(10);
    expect(gzipHeaderLength(Buffer.from([0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3, 65]))).toBe('incomplete');
    expect(gzipHeaderLength(Buffer.from('{"Records"'))).toBe('not-gzip');
  });

  it('agrees with the decompressobj loop of awscli on every kind of damage, run in Python side by side', async () => {
    const file = zlib.gzipSync(LOG.repeat(80));
    const flip = (at: number) => { const copy = Buffer.from(file); copy[at]! ^= 0x5a; return copy; };
    const cases = [file, file.subarray(0, file.length - 3), file.subarray(0, 30), file.subarray(0, 4), Buffer.alloc(0),
      flip(file.length - 6), flip(file.length - 2), flip(20), flip(1), Buffer.concat([file, zlib.gzipSync('x')]),
      Buffer.concat([file, Buffer.from('junk')]), Buffer.from(LOG)];
    const python = `
import sys, zlib, hashlib, json
out = []
for hexed in json.load(sys.stdin):
    d = zlib.decompressobj(zlib.MAX_WBITS | 16); h = hashlib.sha256(); data = bytes.fromhex(hexed)
    try:
        for i in range(0, len(data), 2048): h.update(d.decompress(data[i:i + 2048]))
        h.update(d.flush()); out.append(h.hexdigest())
    except Exception: out.append('invalid-format')
print(json.dumps(out))`;
    const theirs = JSON.parse(execFileSync('python3', ['-c', python], { input: JSON.stringify(cases.map((c) => c.toString('hex'))) }).toString()) as string[];
    const ours = await Promise.all(cases.map(async (c) => {
      const hash = await hashGzipBytes(c);
      return hash.kind === 'hash' ? hash.sha256 : hash.kind;
    }));
    expect(ours).toEqual(theirs);
    // The same files one after another through one inflater, damaged ones between undamaged ones: each is hashed on
    // this thread or left to hashGzipBytes, never confused with the one before it.
    const inflater = new MemberInflater();
    const inTurn = [];
    for (const c of [...cases, ...cases.reverse()]) {
      const hash = hashGzipBytesNow(c, inflater) ?? await hashGzipBytes(c);
      inTurn.push(hash.kind === 'hash' ? hash.sha256 : hash.kind);
    }
    inflater.close();
    expect(inTurn).toEqual([...theirs, ...theirs.reverse()]);
  });

  it('hashes undamaged files on this thread with one inflater, whatever their trailers claim about their size', () => {
    const inflater = new MemberInflater();
    const big = LOG.repeat(20_000);
    const lying = zlib.gzipSync(big);
    lying.writeUInt32LE(10, lying.length - 4);
    expect(hashGzipBytesNow(lying, inflater)).toEqual({ kind: 'invalid-format' });
    for (const log of [LOG, big, LOG.repeat(3), '']) {
      expect(hashGzipBytesNow(zlib.gzipSync(log), inflater)).toEqual({ kind: 'hash', sha256: sha256(log) });
    }
    expect(hashGzipBytesNow(zlib.gzipSync(big).subarray(0, 100), inflater)).toBeUndefined();
    expect(hashGzipBytesNow(zlib.gzipSync(LOG), inflater)).toEqual({ kind: 'hash', sha256: sha256(LOG) });
    inflater.close();
    expect(hashGzipBytesNow(zlib.gzipSync(LOG), inflater)).toEqual({ kind: 'hash', sha256: sha256(LOG) });
  });
});
