// The TrailStore contract every Store backend must pass: trails by ARN, per account, their logging state and the
// delivery status GetTrailStatus reports. Each test gets a fresh, empty store from `open`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import type { StoredTrail } from '../trail-store.js';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_REGION, REGION } from './fixtures.js';
import type { StoreCleanup } from './store-conformance.js';

function trail(name: string, overrides: Partial<StoredTrail> = {}): StoredTrail {
  const accountId = overrides.accountId ?? ACCOUNT;
  const homeRegion = overrides.homeRegion ?? REGION;
  return {
    accountId,
    name,
    homeRegion,
    arn: `arn:aws:cloudtrail:${homeRegion}:${accountId}:trail/${name}`,
    s3BucketName: 'audit-bucket',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    logFileValidationEnabled: false,
    tags: [],
    createdMs: 1_741_608_000_000,
    ...overrides,
  };
}

/** Every optional member set, so that a round trip shows none is lost. */
function fullTrail(): StoredTrail {
  return trail('full-trail', {
    s3KeyPrefix: 'prefix/ü',
    snsTopicName: 'alerts',
    snsTopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`,
    isMultiRegionTrail: true,
    logFileValidationEnabled: true,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:CloudTrail/audit:*`,
    cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/ct`,
    kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/k`,
    selectors: {
      kind: 'advanced',
      selectors: [{ Name: 'writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }],
    },
    insightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight', EventCategories: ['Management'] }],
    tags: [{ Key: 'team', Value: 'security' }, { Key: 'flag' }],
  });
}

export function trailStoreConformance(name: string, open: () => Promise<Store>, cleanup?: StoreCleanup): void {
  describe(`TrailStore conformance: ${name}`, () => {
    let store: Store;
    const trails = () => store.trails;

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.(store);
    });

    describe('configuration', () => {
      it('returns a created trail member for member', async () => {
        const t = fullTrail();
        expect(await trails().createTrail(t)).toBe(true);
        expect(await trails().findTrail(t.arn)).toEqual(t);
        expect(await trails().findTrail(trail('other').arn)).toBeUndefined();
      });

      it('refuses a second trail with the same ARN and keeps the first', async () => {
        const first = trail('dup');
        await trails().createTrail(first);
        expect(await trails().createTrail({ ...first, s3BucketName: 'other-bucket' })).toBe(false);
        expect(await trails().findTrail(first.arn)).toEqual(first);
      });

      it('takes the same name in another region or account', async () => {
        expect(await trails().createTrail(trail('same'))).toBe(true);
        expect(await trails().createTrail(trail('same', { homeRegion: OTHER_REGION }))).toBe(true);
        expect(await trails().createTrail(trail('same', { accountId: OTHER_ACCOUNT }))).toBe(true);
      });

      it('replaces the configuration on save, including members removed', async () => {
        const t = fullTrail();
        await trails().createTrail(t);
        const { s3KeyPrefix: _p, kmsKeyId: _k, selectors: _s, ...rest } = t;
        const saved: StoredTrail = { ...rest, tags: [{ Key: 'only', Value: 'tag' }] };
        expect(await trails().saveTrail(saved)).toBe(true);
        expect(await trails().findTrail(t.arn)).toEqual(saved);
        await trails().retireTrail(t.arn, 1);
        expect(await trails().saveTrail(saved)).toBe(false);
        expect(await trails().findTrail(t.arn)).toBeUndefined();
        expect(await trails().findDeliveringTrail(t.arn)).toEqual({ ...saved, retiringSinceMs: 1 });
      });

      it('refuses a save naming the version it read when another save changed the trail since', async () => {
        const t = trail('raced');
        await trails().createTrail(t);
        const read = (await trails().findTrail(t.arn))!;
        expect(await trails().saveTrail({ ...read, tags: [{ Key: 'first', Value: '1' }] }, undefined, read)).toBe(true);
        expect(await trails().saveTrail({ ...read, s3KeyPrefix: 'second' }, undefined, read)).toBe('changed');
        expect(await trails().findTrail(t.arn)).toEqual({ ...t, tags: [{ Key: 'first', Value: '1' }] });
        const now = (await trails().findTrail(t.arn))!;
        expect(await trails().saveTrail({ ...now, s3KeyPrefix: 'second' }, () => undefined, now)).toBe(true);
        await trails().retireTrail(t.arn, 1);
        expect(await trails().saveTrail({ ...now, s3KeyPrefix: 'third' }, undefined, now)).toBe(false);
      });

      it('lists every trail of one account, in every home region, by ARN', async () => {
        const mine = [trail('b-trail'), trail('a-trail', { homeRegion: OTHER_REGION }), trail('c-trail', { isMultiRegionTrail: true })];
        for (const t of [...mine, trail('theirs', { accountId: OTHER_ACCOUNT })]) await trails().createTrail(t);
        const listed = await trails().listTrails(ACCOUNT);
        expect(listed).toEqual([...mine].sort((x, y) => (x.arn < y.arn ? -1 : 1)));
        expect(await trails().listTrails('999999999999')).toEqual([]);
      });

      it('asks a placement check about the account\'s other trails as it writes, and writes nothing it refuses', async () => {
        const [a, b] = [trail('a-trail'), trail('b-trail', { homeRegion: OTHER_REGION })];
        await trails().createTrail(a);
        await trails().createTrail(trail('theirs', { accountId: OTHER_ACCOUNT }));
        const seen: string[][] = [];
        const room = (limit: number) => (others: StoredTrail[]) => {
          seen.push(others.map((other) => other.name).sort());
          return others.length >= limit ? { full: others.length } : undefined;
        };
        expect(await trails().createTrail(b, room(1))).toEqual({ full: 1 });
        expect(await trails().findTrail(b.arn)).toBeUndefined();
        expect(await trails().createTrail(b, room(2))).toBe(true);
        const changed = { ...a, isMultiRegionTrail: true };
        expect(await trails().saveTrail(changed, room(1))).toEqual({ full: 1 });
        expect(await trails().findTrail(a.arn)).toEqual(a);
        expect(await trails().saveTrail(changed, room(2))).toBe(true);
        expect(await trails().findTrail(a.arn)).toEqual(changed);
        // Never the trail itself, nor another account's.
        expect(seen).toEqual([['a-trail'], ['a-trail'], ['b-trail'], ['b-trail']]);
      });

      it('answers false for a second trail with the same ARN: the check does not see the first as another trail', async () => {
        await trails().createTrail(trail('dup'));
        const check = (others: StoredTrail[]) => (others.some((other) => other.name === 'dup') ? 'saw it' : undefined);
        expect(await trails().createTrail(trail('dup'), check)).toBe(false);
      });

      it('retires a deleted trail: gone for the calls, found by delivery until its retirement ends', async () => {
        const [gone, kept] = [trail('gone'), trail('kept')];
        await trails().createTrail(gone);
        await trails().createTrail(kept);
        expect(await trails().retireTrail(gone.arn, 7)).toBe(true);
        expect(await trails().retireTrail(gone.arn, 8)).toBe(false);
        expect(await trails().retireTrail(trail('never').arn, 8)).toBe(false);
        expect(await trails().findTrail(gone.arn)).toBeUndefined();
        expect(await trails().listTrails(ACCOUNT)).toEqual([kept]);
        expect(await trails().findDeliveringTrail(gone.arn)).toEqual({ ...gone, retiringSinceMs: 7 });
        expect(await trails().findDeliveringTrail(kept.arn)).toEqual(kept);
        expect(await trails().listRetiringTrails()).toEqual([{ ...gone, retiringSinceMs: 7 }]);
        // Its ARN is still held: a new trail of the name first ends the retirement.
        expect(await trails().createTrail(gone)).toBe(false);
        expect(await trails().endRetirement(kept.arn)).toBe(false);
        expect(await trails().endRetirement(gone.arn)).toBe(true);
        expect(await trails().endRetirement(gone.arn)).toBe(false);
        expect(await trails().findDeliveringTrail(gone.arn)).toBeUndefined();
        expect(await trails().listRetiringTrails()).toEqual([]);
        expect(await trails().createTrail(gone)).toBe(true);
        expect(await trails().findTrail(gone.arn)).toEqual(gone);
      });

      it('does not count a retiring trail among the others a placement check sees', async () => {
        const [gone, fresh] = [trail('gone'), trail('fresh')];
        await trails().createTrail(gone);
        await trails().retireTrail(gone.arn, 1);
        const seen: string[][] = [];
        await trails().createTrail(fresh, (others: StoredTrail[]) => void seen.push(others.map((other) => other.name)));
        expect(seen).toEqual([[]]);
      });
    });

    describe('status', () => {
      it('starts not logging, with nothing else known', async () => {
        const t = trail('fresh');
        await trails().createTrail(t);
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: false });
      });

      it('merges each change into the status, and removes members given as undefined', async () => {
        const t = trail('busy');
        await trails().createTrail(t);
        await trails().updateTrailStatus(t.arn, { isLogging: true, startLoggingMs: 1000 });
        await trails().updateTrailStatus(t.arn, { latestDeliveryAttemptMs: 2000, latestDeliveryError: 'NoSuchBucket' });
        await trails().updateTrailStatus(t.arn, { latestDeliveryMs: 3000, latestDeliveryAttemptMs: 3000, latestDeliveryError: undefined });
        expect(await trails().trailStatus(t.arn)).toEqual({
          isLogging: true, startLoggingMs: 1000, latestDeliveryMs: 3000, latestDeliveryAttemptMs: 3000,
        });
        await trails().updateTrailStatus(t.arn, { isLogging: false, stopLoggingMs: 4000 });
        expect(await trails().trailStatus(t.arn)).toMatchObject({ isLogging: false, startLoggingMs: 1000, stopLoggingMs: 4000 });
      });

      it('keeps the status when the configuration is saved', async () => {
        const t = trail('steady');
        await trails().createTrail(t);
        await trails().updateTrailStatus(t.arn, { isLogging: true, startLoggingMs: 5 });
        await trails().saveTrail({ ...t, s3KeyPrefix: 'new' });
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: true, startLoggingMs: 5 });
      });

      it('stops a retiring trail logging for good, keeps reporting on it, and forgets its status when it ends', async () => {
        const t = trail('recreated');
        await trails().createTrail(t);
        await trails().updateTrailStatus(t.arn, { isLogging: true, startLoggingMs: 5 });
        await trails().retireTrail(t.arn, 6);
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: false, startLoggingMs: 5, stopLoggingMs: 6 });
        await trails().updateTrailStatus(t.arn, { latestDeliveryMs: 7 });
        await trails().updateTrailStatus(t.arn, { isLogging: true, startLoggingMs: 8 });
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: false, startLoggingMs: 5, stopLoggingMs: 6, latestDeliveryMs: 7 });
        expect(await trails().listLoggingTrails()).toEqual([]);
        await trails().endRetirement(t.arn);
        await trails().updateTrailStatus(t.arn, { latestDeliveryMs: 9 });
        await trails().createTrail(t);
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: false });
      });

      it('keeps the stop time of a trail retired while not logging', async () => {
        const t = trail('idle');
        await trails().createTrail(t);
        await trails().updateTrailStatus(t.arn, { isLogging: false, stopLoggingMs: 3 });
        await trails().retireTrail(t.arn, 9);
        expect(await trails().trailStatus(t.arn)).toEqual({ isLogging: false, stopLoggingMs: 3 });
      });

      it('lists the logging trails of every account', async () => {
        const [on, off, theirs] = [trail('on'), trail('off'), trail('theirs', { accountId: OTHER_ACCOUNT })];
        for (const t of [on, off, theirs]) await trails().createTrail(t);
        await trails().updateTrailStatus(on.arn, { isLogging: true });
        await trails().updateTrailStatus(theirs.arn, { isLogging: true });
        await trails().updateTrailStatus(off.arn, { isLogging: false, stopLoggingMs: 1 });
        const logging = await trails().listLoggingTrails();
        expect(logging.map((t) => t.arn).sort()).toEqual([on.arn, theirs.arn].sort());
        expect(logging.find((t) => t.arn === on.arn)).toEqual(on);
      });
    });
  });
}
