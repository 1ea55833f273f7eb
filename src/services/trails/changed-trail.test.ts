import { describe, expect, it } from 'vitest';
import { MemoryTrailStore, storedTrail } from '../../../test/support/memory-trail-store.js';
import type { ObjectStore } from '../../objects/object-store.js';
import type { TrailScope } from './trail-scope.js';
import { updateTrail } from './update-trail.js';
import { changeTrailTags } from './trail-tagging.js';
import { putEventSelectors } from './trail-event-selectors.js';
import { onceAfterRead } from '../../../test/support/once-after-read.js';

/** A scope whose trail is deleted by "another call" right after this call has read it. */
function deletedAfterRead(): { scope: TrailScope; trails: MemoryTrailStore; arn: string } {
  const trails = new MemoryTrailStore();
  const trail = storedTrail({ name: 'going' });
  trails.trails.set(trail.arn, trail);
  const findTrail = trails.findTrail.bind(trails);
  trails.findTrail = async (arn) => {
    const found = await findTrail(arn);
    trails.trails.delete(arn);
    return found;
  };
  const scope = { trails, accountId: trail.accountId, region: trail.homeRegion, cursors: { receivingChange: async (_before, after) => after } as TrailScope['cursors'], digests: {} as TrailScope['digests'] };
  return { scope, trails, arn: trail.arn };
}

describe('a trail changed while another call deletes it', () => {
  it('answers TrailNotFoundException (or ResourceNotFoundException for tags) and stores nothing', async () => {
    const objects = {} as ObjectStore;
    const update = deletedAfterRead();
    await expect(updateTrail(update.scope, objects, 'going', { IncludeGlobalServiceEvents: false }))
      .rejects.toMatchObject({ code: 'TrailNotFoundException' });
    expect(update.trails.trails.size).toBe(0);
    const tags = deletedAfterRead();
    await expect(changeTrailTags(tags.scope, tags.arn, (current) => [...current, { Key: 'k', Value: 'v' }]))
      .rejects.toMatchObject({ code: 'ResourceNotFoundException' });
    expect(tags.trails.trails.size).toBe(0);
    const selectors = deletedAfterRead();
    await expect(putEventSelectors(selectors.scope, 'going', { EventSelectors: [{ ReadWriteType: 'All' }] }))
      .rejects.toMatchObject({ code: 'TrailNotFoundException' });
    expect(selectors.trails.trails.size).toBe(0);
  });
});

describe('a trail changed by another call between a call\'s read and its write', () => {
  it('decides again on the trail as it is: neither change is lost', async () => {
    const trails = new MemoryTrailStore();
    const trail = storedTrail({ name: 'raced' });
    trails.trails.set(trail.arn, trail);
    const scope: TrailScope = {
      trails, accountId: trail.accountId, region: trail.homeRegion,
      cursors: { receivingChange: async (_before, after) => after } as TrailScope['cursors'], digests: {} as TrailScope['digests'],
    };
    trails.findTrail = onceAfterRead(trails.findTrail.bind(trails), () =>
      changeTrailTags(scope, trail.arn, (tags) => [...tags, { Key: 'k', Value: 'v' }]));
    await putEventSelectors(scope, 'raced', { EventSelectors: [{ ReadWriteType: 'WriteOnly' }] });
    expect(trails.trails.get(trail.arn)).toMatchObject({ tags: [{ Key: 'k', Value: 'v' }], selectors: expect.anything() });
  });
});
