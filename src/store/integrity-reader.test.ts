import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIntegrityReader } from './integrity-reader.js';
import { openStore } from './open-store.js';
import { SQLITE_FILE } from './store-location.js';
import type { StoredTrail } from './trail-store.js';

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t';
const trail: StoredTrail = {
  accountId: '123456789012', name: 't', homeRegion: 'us-east-1', arn: TRAIL_ARN, s3BucketName: 'b', s3KeyPrefix: 'p',
  includeGlobalServiceEvents: true, isMultiRegionTrail: false, isOrganizationTrail: false, logFileValidationEnabled: true,
  tags: [], createdMs: 1_000,
};
const destination = { accountId: '123456789012', trailName: 't', homeRegion: 'us-east-1', bucket: 'b' };
const checkpoint = {
  trailArn: TRAIL_ARN, region: 'us-east-1', bucket: 'b', key: 'k', endMs: 12_000, signature: 's', fingerprint: 'f', final: false,
};

let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'integrity-reader-'));
  const store = await openStore({ dataDir });
  await store.trails.createTrail(trail);
  await store.digestChains.openChain({ trailArn: TRAIL_ARN, destination, loggingSinceMs: 1, windowStartMs: 10_000, afterPosition: 0, heads: [] });
  const pass = { endMs: 12_000, throughPosition: 0, final: false, destination, keys: [{ region: 'us-east-1', fingerprint: 'f' }] };
  await store.digestChains.planPass(TRAIL_ARN, pass);
  await store.digestChains.completePass(TRAIL_ARN, pass, [], [checkpoint]);
  await store.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('openIntegrityReader', () => {
  it('reads the trail and its checkpoints from the store\'s database, writing nothing', async () => {
    const before = fs.readFileSync(path.join(dataDir, SQLITE_FILE));
    const reader = await openIntegrityReader({ dataDir });
    try {
      expect(await reader.trails.findTrail(TRAIL_ARN)).toEqual(trail);
      expect(await reader.digestChains.checkpoints(TRAIL_ARN)).toEqual([checkpoint]);
      expect(await reader.digestChains.chainEnds(TRAIL_ARN)).toEqual([]);
    } finally {
      await reader.close();
    }
    expect(fs.readFileSync(path.join(dataDir, SQLITE_FILE))).toEqual(before);
  });

  it('refuses a data dir without a database, creating none, and a database it would have to migrate', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'integrity-reader-empty-'));
    try {
      await expect(openIntegrityReader({ dataDir: empty })).rejects.toThrow(/no opentrail database/);
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    const db = new Database(path.join(dataDir, SQLITE_FILE));
    db.pragma('user_version = 1');
    db.close();
    await expect(openIntegrityReader({ dataDir })).rejects.toThrow(/older than this opentrail's/);
    await expect(openIntegrityReader({ dataDir, databaseUrl: 'postgres://x' })).rejects.toThrow(/OPENTRAIL_DATABASE_URL/);
  });
});
