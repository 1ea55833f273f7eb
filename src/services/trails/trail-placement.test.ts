import { describe, expect, it } from 'vitest';
import type { StoredTrail } from '../../store/trail-store.js';
import { placementConflict } from './trail-placement.js';
import { isShadowIn, isVisibleIn, trailsVisibleIn } from './trail-visibility.js';
import { trailArn } from './trail-arn.js';

const ACCOUNT = '123456789012';

function trail(name: string, homeRegion: string, isMultiRegionTrail = false): StoredTrail {
  return {
    accountId: ACCOUNT, name, homeRegion, arn: trailArn(homeRegion, ACCOUNT, name), s3BucketName: 'b',
    includeGlobalServiceEvents: true, isMultiRegionTrail, isOrganizationTrail: false, logFileValidationEnabled: false,
    tags: [], createdMs: 0,
  };
}

const fill = (region: string, count: number, multi = false) =>
  Array.from({ length: count }, (_, i) => trail(`${region}-t${i}`, region, multi));

describe('shadow trails', () => {
  const single = trail('one', 'us-east-1');
  const multi = trail('all', 'us-east-1', true);

  it('a single-region trail is seen in its home region only', () => {
    expect(isVisibleIn(single, 'us-east-1')).toBe(true);
    expect(isVisibleIn(single, 'eu-west-1')).toBe(false);
  });

  it('a multi-region trail is seen everywhere, and is a shadow outside its home region', () => {
    expect(isVisibleIn(multi, 'ap-south-1')).toBe(true);
    expect(isShadowIn(multi, 'ap-south-1')).toBe(true);
    expect(isShadowIn(multi, 'us-east-1')).toBe(false);
    expect(trailsVisibleIn([single, multi], 'eu-west-1')).toEqual([multi]);
  });
});

describe('room for a trail', () => {
  it('allows five trails in a region and refuses the sixth', () => {
    expect(placementConflict(trail('t4', 'us-east-1'), fill('us-east-1', 4))).toBeUndefined();
    expect(placementConflict(trail('t5', 'us-east-1'), fill('us-east-1', 5))).toEqual({ kind: 'region-full', region: 'us-east-1' });
  });

  it('does not count single-region trails of other regions', () => {
    expect(placementConflict(trail('t', 'us-east-1'), fill('eu-west-1', 5))).toBeUndefined();
  });

  it('counts a multi-region trail in every region', () => {
    const others = [...fill('eu-west-1', 4), trail('global', 'ap-south-1', true)];
    expect(placementConflict(trail('t', 'eu-west-1'), others)).toEqual({ kind: 'region-full', region: 'eu-west-1' });
  });

  it('refuses a multi-region trail when any region that has trails is full', () => {
    const others = fill('eu-west-1', 5);
    expect(placementConflict(trail('new', 'us-east-1', true), others)).toEqual({ kind: 'region-full', region: 'eu-west-1' });
    expect(placementConflict(trail('new', 'us-east-1'), others)).toBeUndefined();
  });

  it('refuses a name the region already sees, its own or a shadow', () => {
    const own = trail('dup', 'us-east-1');
    expect(placementConflict(trail('dup', 'us-east-1'), [own])).toMatchObject({ kind: 'name-taken', holder: own });
    const shadow = trail('dup', 'eu-west-1', true);
    expect(placementConflict(trail('dup', 'us-east-1'), [shadow])).toMatchObject({ kind: 'name-taken', region: 'us-east-1' });
  });

  it('refuses a multi-region trail whose name another region uses', () => {
    const elsewhere = trail('dup', 'eu-west-1');
    expect(placementConflict(trail('dup', 'us-east-1', true), [elsewhere])).toMatchObject({ kind: 'name-taken', region: 'eu-west-1' });
    expect(placementConflict(trail('dup', 'us-east-1'), [elsewhere])).toBeUndefined();
  });
});
