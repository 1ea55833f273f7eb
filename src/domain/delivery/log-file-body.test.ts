import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipFirstMember } from '../../../test/support/single-member-gunzip.js';
import { buildLogFile, EMPTY_LOG_FILE_BYTES, logFileBody, recordFileBytes } from './log-file-body.js';

const records = [
  '{"eventVersion":"1.11","eventID":"a","note":"grüße ✓ 🚀 \\"quoted\\" \\u2028"}',
  '{\n\t"eventVersion": "1.08",\n\t"eventID": "b"\n} ',
  '{"eventID":"c"}',
];

describe('logFileBody', () => {
  it('joins the stored bytes into {"Records":[…]} without re-serializing them', () => {
    expect(logFileBody(records).toString('utf8')).toBe(`{"Records":[${records.join(',')}]}`);
    expect(JSON.parse(logFileBody(records).toString('utf8')).Records).toHaveLength(3);
  });

  it('never undercounts its size', () => {
    const size = EMPTY_LOG_FILE_BYTES + records.reduce((sum, r) => sum + recordFileBytes(r), 0);
    expect(size).toBeGreaterThanOrEqual(logFileBody(records).length);
  });
});

describe('buildLogFile', () => {
  it('compresses into exactly one gzip member with no name and no time', async () => {
    const file = await buildLogFile(records);
    const member = gunzipFirstMember(file.gzip);
    expect(member.trailingBytes).toBe(0);
    expect(member.body.equals(file.body)).toBe(true);
    expect([...member.header]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(zlib.gunzipSync(file.gzip).equals(file.body)).toBe(true);
  });

  it('hashes the uncompressed bytes', async () => {
    const file = await buildLogFile(records);
    expect(file.sha256).toBe(crypto.createHash('sha256').update(file.body).digest('hex'));
  });

  it('gives the same bytes every time', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => `{"eventID":"${i}","x":"${'y'.repeat(i % 97)}"}`);
    const [once, again] = await Promise.all([buildLogFile(many), buildLogFile([...many])]);
    expect(once.gzip.equals(again.gzip)).toBe(true);
  });
});
