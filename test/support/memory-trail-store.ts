// A TrailStore in memory, for tests of delivery that need trails and their status but no database.
import type { PlacementCheck } from '../../src/store/placement-check.js';
import type { DeliveringTrail, StoredTrail, TrailStatus, TrailStore } from '../../src/store/trail-store.js';

export class MemoryTrailStore implements TrailStore {
  readonly trails = new Map<string, StoredTrail>();
  readonly retiring = new Map<string, DeliveringTrail>();
  readonly statuses = new Map<string, TrailStatus>();

  async createTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>): Promise<boolean | Refusal> {
    const refusal = this.refusal(trail, check);
    if (refusal !== undefined) return refusal;
    if (this.trails.has(trail.arn) || this.retiring.has(trail.arn)) return false;
    this.trails.set(trail.arn, trail);
    return true;
  }
  async saveTrail<Refusal>(trail: StoredTrail, check?: PlacementCheck<StoredTrail, Refusal>, read?: StoredTrail): Promise<boolean | 'changed' | Refusal> {
    const refusal = this.refusal(trail, check);
    if (refusal !== undefined) return refusal;
    const stored = this.trails.get(trail.arn);
    if (!stored) return false;
    if (read && JSON.stringify(read) !== JSON.stringify(stored)) return 'changed';
    this.trails.set(trail.arn, trail);
    return true;
  }
  private refusal<Refusal>(trail: StoredTrail, check: PlacementCheck<StoredTrail, Refusal> | undefined): Refusal | undefined {
    return check?.([...this.trails.values()].filter((t) => t.accountId === trail.accountId && t.arn !== trail.arn));
  }
  async retireTrail(arn: string, nowMs: number): Promise<boolean> {
    const trail = this.trails.get(arn);
    if (!trail) return false;
    this.trails.delete(arn);
    this.retiring.set(arn, { ...trail, retiringSinceMs: nowMs });
    if ((await this.trailStatus(arn)).isLogging) await this.updateTrailStatus(arn, { isLogging: false, stopLoggingMs: nowMs });
    return true;
  }
  async endRetirement(arn: string): Promise<boolean> {
    if (!this.retiring.delete(arn)) return false;
    this.statuses.delete(arn);
    return true;
  }
  async findTrail(arn: string): Promise<StoredTrail | undefined> {
    return this.trails.get(arn);
  }
  async findDeliveringTrail(arn: string): Promise<DeliveringTrail | undefined> {
    return this.trails.get(arn) ?? this.retiring.get(arn);
  }
  async listRetiringTrails(): Promise<DeliveringTrail[]> {
    return [...this.retiring.values()].sort((x, y) => (x.arn < y.arn ? -1 : 1));
  }
  async listTrails(accountId: string): Promise<StoredTrail[]> {
    return [...this.trails.values()].filter((t) => t.accountId === accountId).sort((x, y) => (x.arn < y.arn ? -1 : 1));
  }
  async listLoggingTrails(): Promise<StoredTrail[]> {
    return [...this.trails.values()].filter((t) => this.statuses.get(t.arn)?.isLogging);
  }
  async trailStatus(arn: string): Promise<TrailStatus> {
    return this.statuses.get(arn) ?? { isLogging: false };
  }
  async updateTrailStatus(arn: string, change: Partial<TrailStatus>): Promise<boolean> {
    const next = { ...(await this.trailStatus(arn)), ...change };
    if (!this.trails.has(arn) && !(this.retiring.has(arn) && !next.isLogging)) return false;
    this.statuses.set(arn, next);
    return true;
  }
}

export function storedTrail(overrides: Partial<StoredTrail> = {}): StoredTrail {
  const name = overrides.name ?? 'test-trail';
  const accountId = overrides.accountId ?? '123456789012';
  const homeRegion = overrides.homeRegion ?? 'us-east-1';
  return {
    accountId,
    name,
    homeRegion,
    arn: `arn:aws:cloudtrail:${homeRegion}:${accountId}:trail/${name}`,
    s3BucketName: 'trail-bucket',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    logFileValidationEnabled: false,
    tags: [],
    createdMs: Date.UTC(2025, 0, 1),
    ...overrides,
  };
}
