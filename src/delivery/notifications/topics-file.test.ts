import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TopicsFile } from './topics-file.js';

const dirs: string[] = [];
const file = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrail-topics-'));
  dirs.push(dir);
  return path.join(dir, 'topics.json');
};
const write = (at: string, content: unknown, mtimeMs: number) => {
  fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
  fs.utimesSync(at, mtimeMs / 1000, mtimeMs / 1000);
};

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('TopicsFile', () => {
  const arn = 'arn:aws:sns:us-east-1:123456789012:audit';

  it('knows no topic while there is no file', () => {
    expect(new TopicsFile(file()).find(arn, 'audit')).toBeUndefined();
  });

  it('finds a topic by ARN first, then by name, and sees changes to the file', () => {
    const at = file();
    const topics = new TopicsFile(at);
    write(at, { topics: { audit: { endpoints: ['http://127.0.0.1:1/by-name'] } } }, 1_000_000);
    expect(topics.find(arn, 'audit')?.endpoints).toEqual(['http://127.0.0.1:1/by-name']);
    write(at, { topics: { audit: { endpoints: ['http://127.0.0.1:1/by-name'] }, [arn]: { endpoints: ['https://h/by-arn'] } } }, 2_000_000);
    expect(topics.find(arn, 'audit')?.endpoints).toEqual(['https://h/by-arn']);
    expect(topics.find('arn:aws:sns:eu-west-1:123456789012:other', 'other')).toBeUndefined();
  });

  it('says why a file is invalid', () => {
    const at = file();
    write(at, { topics: { audit: { endpoints: ['ftp://h/x'] } } }, 1_000_000);
    expect(() => new TopicsFile(at).find(arn, 'audit')).toThrow(/endpoints\.0.*http/);
    write(at, '{not json', 2_000_000);
    expect(() => new TopicsFile(at).find(arn, 'audit')).toThrow();
  });
});
