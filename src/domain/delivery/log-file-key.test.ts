import { describe, expect, it } from 'vitest';
import { logFileKey, logFileUnique, type LogFileIdentity } from './log-file-key.js';

// The processing libraries' pattern (spec §2.2 / issue 3).
const LIBRARY_PATTERN = /.+_CloudTrail_[\w-]+_\d{8}T\d{4}Z_[\w]+\.json\.gz$/;
const identity: LogFileIdentity = {
  trailArn: 'arn:aws:cloudtrail:us-east-2:111122223333:trail/main',
  accountId: '111122223333',
  region: 'us-east-2',
  firstSeq: 10,
  lastSeq: 42,
};

describe('logFileUnique', () => {
  it('is 16 letters and digits, the same for the same identity', () => {
    const unique = logFileUnique(identity);
    expect(unique).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(logFileUnique({ ...identity })).toBe(unique);
  });

  it.each([
    ['trail', { trailArn: 'arn:aws:cloudtrail:us-east-2:111122223333:trail/other' }],
    ['account', { accountId: '444455556666' }],
    ['region', { region: 'eu-west-1' }],
    ['first seq', { firstSeq: 11 }],
    ['last seq', { lastSeq: 43 }],
  ])('changes with the %s', (_, change) => {
    expect(logFileUnique({ ...identity, ...change })).not.toBe(logFileUnique(identity));
  });
});

describe('logFileKey', () => {
  const at = Date.UTC(2015, 7, 17, 14, 45, 59, 999);

  it('lays the key out as CloudTrail does (spec §2.2 example)', () => {
    const key = logFileKey({ accountId: '111122223333', region: 'us-east-2', fileTimeMs: at, unique: '9nYN7gp2eWAJHIfT' });
    expect(key).toBe(
      'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/17/111122223333_CloudTrail_us-east-2_20150817T1445Z_9nYN7gp2eWAJHIfT.json.gz',
    );
    expect(key).toMatch(LIBRARY_PATTERN);
  });

  it('puts the prefix first, joined with exactly one slash, and zero-pads the date', () => {
    const key = logFileKey({
      prefix: 'audit/logs', accountId: '111122223333', region: 'eu-west-1', fileTimeMs: Date.UTC(2024, 0, 2, 3, 4), unique: 'A'.repeat(16),
    });
    expect(key).toBe(`audit/logs/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/01/02/111122223333_CloudTrail_eu-west-1_20240102T0304Z_${'A'.repeat(16)}.json.gz`);
  });

  it('treats an empty prefix as none', () => {
    const key = logFileKey({ prefix: '', accountId: '111122223333', region: 'us-east-1', fileTimeMs: at, unique: logFileUnique(identity) });
    expect(key.startsWith('AWSLogs/')).toBe(true);
    expect(key).toMatch(LIBRARY_PATTERN);
  });
});
