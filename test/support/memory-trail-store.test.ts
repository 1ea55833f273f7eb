// The in-memory TrailStore of the delivery tests keeps the same contract as the real store, placement checks
// included, so that those tests see what production would.
import type { Store } from '../../src/store/store.js';
import { trailStoreConformance } from '../../src/store/conformance/trail-store-conformance.js';
import { MemoryTrailStore } from './memory-trail-store.js';

trailStoreConformance('memory test double', async () => ({ trails: new MemoryTrailStore(), close: async () => {} }) as unknown as Store);
