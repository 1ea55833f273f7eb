import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSING_RECORD_WINDOW } from '../../domain/delivery/logging-periods.js';
import type { DeliveredFile, PlannedDelivery } from '../delivery-ledger.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

const TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t';
const OTHER = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/other';

const plan = (afterSeq: number, throughSeq: number, overrides: Partial<PlannedDelivery> = {}): PlannedDelivery => ({
  trailArn: TRAIL,
  bucket: 'b',
  prefix: 'p',
  afterSeq,
  throughSeq,
  fileTimeMs: Date.UTC(2025, 0, 1),
  files: [
    { key: 'k1', accountId: '123456789012', region: 'us-east-1', seqs: [afterSeq + 1, throughSeq] },
    { key: 'k2', accountId: '123456789012', region: 'eu-west-1', seqs: [afterSeq + 2] },
  ],
  ...overrides,
});

const delivered = (p: PlannedDelivery, deliveredMs: number): DeliveredFile[] =>
  p.files.map((file) => ({
    trailArn: p.trailArn, bucket: p.bucket, key: file.key, accountId: file.accountId, region: file.region,
    sha256: 'ab'.repeat(32), oldestEventMs: 1, newestEventMs: 2, deliveredMs,
    firstSeq: file.seqs[0]!, lastSeq: file.seqs[file.seqs.length - 1]!, eventCount: file.seqs.length,
  }));

describe('SqliteDeliveryLedger', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
  });
  afterEach(() => store.close());
  const ledger = () => store.deliveryLedger;

  it('starts a trail at the given sequence number, once', async () => {
    await ledger().startCursor(TRAIL, 10);
    await ledger().startCursor(TRAIL, 20);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 10, periods: [{ afterSeq: 10 }] });
    expect(await ledger().trailsToDeliver()).toEqual([TRAIL]);
    expect(await ledger().deliveryState(OTHER)).toEqual({ cursor: 0, periods: [] });
  });

  it('closes the period on stop, and opens a new one on start', async () => {
    await ledger().startCursor(TRAIL, 10);
    await ledger().stopCursor(TRAIL, 15);
    await ledger().stopCursor(TRAIL, 18);
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([{ afterSeq: 10, throughSeq: 15 }]);
    await ledger().startCursor(TRAIL, 20);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 10, periods: [{ afterSeq: 10, throughSeq: 15 }, { afterSeq: 20 }] });
  });

  it('jumps the cursor to the new period when the old ones are delivered', async () => {
    await ledger().startCursor(TRAIL, 10);
    await ledger().stopCursor(TRAIL, 15);
    expect(await ledger().skipTo(TRAIL, 10, 15)).toBe(true);
    expect(await ledger().trailsToDeliver()).toEqual([]);
    await ledger().startCursor(TRAIL, 30);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 30, periods: [{ afterSeq: 30 }] });
  });

  it('keeps a period closed by a StopLogging call open to its record, within the window', async () => {
    await ledger().startCursor(TRAIL, 10);
    await ledger().stopCursor(TRAIL, 15, 'req-1');
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([{ afterSeq: 10, throughSeq: 15, closingRequestId: 'req-1' }]);
    expect(await ledger().skipTo(TRAIL, 10, 15)).toBe(true);
    expect(await ledger().trailsToDeliver()).toEqual([TRAIL]);
    expect(await ledger().skipTo(TRAIL, 15, 15 + CLOSING_RECORD_WINDOW)).toBe(true);
    expect(await ledger().trailsToDeliver()).toEqual([]);
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([]);
  });

  it('drops a period that closed before any event', async () => {
    await ledger().startCursor(TRAIL, 10);
    await ledger().stopCursor(TRAIL, 10);
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([]);
  });

  it('adopts only trails it has never seen', async () => {
    await ledger().adoptTrail(TRAIL, 5);
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([{ afterSeq: 5 }]);
    await ledger().stopCursor(TRAIL, 8);
    await ledger().adoptTrail(TRAIL, 9);
    expect((await ledger().deliveryState(TRAIL)).periods).toEqual([{ afterSeq: 5, throughSeq: 8 }]);
  });

  it('keeps a plan until it is completed, then records its files and moves the cursor, once', async () => {
    await ledger().startCursor(TRAIL, 10);
    const p = plan(10, 14);
    await ledger().planDelivery(p);
    expect((await ledger().deliveryState(TRAIL)).plan).toEqual(p);
    await expect(ledger().planDelivery(plan(10, 16))).rejects.toThrow();
    expect(await ledger().completeDelivery(p, delivered(p, 1000))).toBe(true);
    expect(await ledger().completeDelivery(p, delivered(p, 1000))).toBe(false);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 14, periods: [{ afterSeq: 10 }] });
    const files = await ledger().deliveredFiles({ trailArn: TRAIL, region: 'us-east-1', fromMs: 0, toMs: 2000 });
    expect(files).toEqual([delivered(p, 1000)[0]]);
  });

  it('refuses a plan that does not start at the cursor', async () => {
    await ledger().startCursor(TRAIL, 10);
    await expect(ledger().planDelivery(plan(9, 14))).rejects.toThrow();
  });

  it('forgets an abandoned plan, and does not complete it', async () => {
    await ledger().startCursor(TRAIL, 10);
    const p = plan(10, 14);
    await ledger().planDelivery(p);
    await ledger().abandonPlan(p);
    expect(await ledger().completeDelivery(p, delivered(p, 1))).toBe(false);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 10, periods: [{ afterSeq: 10 }] });
  });

  it('skips only from where the cursor is, and not past a plan', async () => {
    await ledger().startCursor(TRAIL, 10);
    expect(await ledger().skipTo(TRAIL, 9, 20)).toBe(false);
    await ledger().planDelivery(plan(10, 12));
    expect(await ledger().skipTo(TRAIL, 10, 20)).toBe(false);
  });

  it('finds delivered files by trail, region and delivery time window', async () => {
    await ledger().startCursor(TRAIL, 0);
    const first = plan(0, 5);
    await ledger().planDelivery(first);
    await ledger().completeDelivery(first, delivered(first, 1_000));
    const second = plan(5, 9, { files: [{ key: 'k3', accountId: '123456789012', region: 'us-east-1', seqs: [6, 7, 8, 9] }] });
    await ledger().planDelivery(second);
    await ledger().completeDelivery(second, delivered(second, 3_600_000));
    const window = (fromMs: number, toMs: number, region = 'us-east-1') =>
      ledger().deliveredFiles({ trailArn: TRAIL, region, fromMs, toMs }).then((files) => files.map((file) => file.key));
    expect(await window(0, 3_600_000)).toEqual(['k1']);
    expect(await window(0, 3_600_001)).toEqual(['k1', 'k3']);
    expect(await window(0, 3_600_001, 'eu-west-1')).toEqual(['k2']);
    expect(await ledger().deliveredFiles({ trailArn: OTHER, region: 'us-east-1', fromMs: 0, toMs: 1e13 })).toEqual([]);
  });

  it('forgets a deleted trail but keeps its delivered files', async () => {
    await ledger().startCursor(TRAIL, 0);
    const p = plan(0, 3);
    await ledger().planDelivery(p);
    await ledger().completeDelivery(p, delivered(p, 10));
    await ledger().planDelivery(plan(3, 6));
    await ledger().forgetTrail(TRAIL);
    expect(await ledger().deliveryState(TRAIL)).toEqual({ cursor: 0, periods: [] });
    expect(await ledger().trailsToDeliver()).toEqual([]);
    expect(await ledger().deliveredFiles({ trailArn: TRAIL, region: 'us-east-1', fromMs: 0, toMs: 100 })).toHaveLength(1);
  });

  it('numbers recorded files in recording order, per trail, for digests', async () => {
    expect(await ledger().lastPosition()).toBe(0);
    await ledger().startCursor(TRAIL, 0);
    const first = plan(0, 5);
    await ledger().planDelivery(first);
    await ledger().completeDelivery(first, delivered(first, 1_000));
    const second = plan(5, 9, { files: [{ key: 'k3', accountId: '123456789012', region: 'us-east-1', seqs: [7] }] });
    await ledger().planDelivery(second);
    await ledger().completeDelivery(second, delivered(second, 2_000));
    expect(await ledger().lastPosition()).toBe(3);
    const all = await ledger().filesRecordedBetween(TRAIL, 0, 3);
    expect(all.map((f) => [f.position, f.key])).toEqual([[1, 'k1'], [2, 'k2'], [3, 'k3']]);
    expect((await ledger().filesRecordedBetween(TRAIL, 2, 3)).map((f) => f.key)).toEqual(['k3']);
    expect(await ledger().filesRecordedBetween(OTHER, 0, 3)).toEqual([]);
    expect(await ledger().lastPositionBefore(TRAIL, 2_000)).toBe(2);
    expect(await ledger().lastPositionBefore(TRAIL, 1_000)).toBe(0);
  });
});
