// The DigestChainStore contract every Store backend must pass: a chain opened once, its pass recorded ahead and
// completed in one step (window, heads, checkpoints), final passes ending the chain and keeping its ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestChain, DigestCheckpoint, DigestPass } from '../digest-chains.js';
import type { Store } from '../store.js';
import type { StoreCleanup } from './store-conformance.js';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t';
const destination = { accountId: '123456789012', trailName: 't', homeRegion: 'us-east-1', bucket: 'b' };
const chain: DigestChain = { trailArn: TRAIL, destination, loggingSinceMs: 1, windowStartMs: 10_000, afterPosition: 4, heads: [] };
const pass = (endMs: number, final = false): DigestPass => ({
  endMs, throughPosition: 9, final, destination: { ...destination, prefix: 'p' }, keys: [{ region: 'us-east-1', fingerprint: 'f' }],
});
const link = { bucket: 'b', key: 'k', sha256: 'h', signature: 's' };
const checkpoint = (endMs: number, final = false): DigestCheckpoint => ({
  trailArn: TRAIL, region: 'us-east-1', bucket: 'b', key: `k${endMs}`, endMs, signature: 's', fingerprint: 'f', final,
});

export function digestChainConformance(name: string, open: () => Promise<Store>, cleanup?: StoreCleanup): void {
  describe(`DigestChainStore conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await cleanup?.(store);
    });
    const chains = () => store.digestChains;

    it('opens a chain once', async () => {
      expect(await chains().openChain(chain)).toBe(true);
      expect(await chains().openChain({ ...chain, windowStartMs: 99 })).toBe(false);
      expect(await chains().chains()).toEqual([chain]);
    });

    it('records a pass ahead, refuses a second, and completing it moves the window, heads and checkpoints', async () => {
      await chains().openChain(chain);
      await chains().planPass(TRAIL, pass(12_000));
      await expect(chains().planPass(TRAIL, pass(13_000))).rejects.toThrow();
      expect((await chains().chains())[0]!.pass).toEqual(pass(12_000));
      await chains().completePass(TRAIL, pass(12_000), [{ region: 'us-east-1', latest: link }], [checkpoint(12_000)]);
      expect(await chains().chains()).toEqual([{
        ...chain, destination: { ...destination, prefix: 'p' }, windowStartMs: 12_000, afterPosition: 9, heads: [{ region: 'us-east-1', latest: link }],
      }]);
      expect(await chains().checkpoints(TRAIL)).toEqual([checkpoint(12_000)]);
    });

    it('ignores completing a pass that is not the chain\'s', async () => {
      await chains().openChain(chain);
      await chains().planPass(TRAIL, pass(12_000));
      await chains().completePass(TRAIL, pass(15_000), [], [checkpoint(15_000)]);
      expect((await chains().chains())[0]!.pass?.endMs).toBe(12_000);
      expect(await chains().checkpoints(TRAIL)).toEqual([]);
    });

    it('removes the chain with its final pass, and keeps the checkpoint', async () => {
      await chains().openChain(chain);
      await chains().closeChain(TRAIL, 77);
      expect((await chains().chains())[0]!.closingAfterSeq).toBe(77);
      await chains().planPass(TRAIL, pass(12_000, true));
      await chains().completePass(TRAIL, pass(12_000, true), [], [checkpoint(12_000, true)]);
      expect(await chains().chains()).toEqual([]);
      expect(await chains().checkpoints(TRAIL)).toEqual([checkpoint(12_000, true)]);
      expect(await chains().chainEnds(TRAIL)).toEqual([checkpoint(12_000, true)]);
      await chains().openChain({ ...chain, windowStartMs: 20_000 });
      await chains().planPass(TRAIL, pass(30_000));
      await chains().completePass(TRAIL, pass(30_000), [], [checkpoint(30_000)]);
      expect(await chains().checkpoints(TRAIL)).toEqual([checkpoint(30_000)]);
      expect(await chains().chainEnds(TRAIL)).toEqual([checkpoint(12_000, true)]);
    });
  });
}
