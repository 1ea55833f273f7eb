// The `history_resources` rows of an event: one per resource type and one per resource name, which is how
// ResourceType and ResourceName lookups find events without scanning them.
import type { HistoryResource } from '../../domain/history-attributes.js';

export const RESOURCE_TYPE = 0;
export const RESOURCE_NAME = 1;
export type ResourceKind = typeof RESOURCE_TYPE | typeof RESOURCE_NAME;

/** May repeat a key (two buckets are two rows of one type); writers use INSERT OR IGNORE. */
export function resourceKeys(resources: readonly HistoryResource[]): [ResourceKind, string][] {
  const keys: [ResourceKind, string][] = [];
  for (const r of resources) {
    if (r.type !== undefined) keys.push([RESOURCE_TYPE, r.type]);
    keys.push([RESOURCE_NAME, r.name]);
  }
  return keys;
}
