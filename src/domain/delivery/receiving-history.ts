// Which settings decide whether a trail receives an event: those in force when the event was recorded, not those of
// the moment delivery reaches it. A change of selectors or region scope (PutEventSelectors, UpdateTrail) keeps the
// settings it replaced, with the last sequence number they decide, for as long as delivery has events of theirs
// ahead of it; a backlog of minutes (--log-file-interval, or a failing bucket) is thus delivered as it was recorded.
import type { TrailSelectors } from '../selectors/trail-selectors.js';
import type { TrailRegionScope } from './trail-receives.js';

export interface ReceivingSettings {
  isMultiRegionTrail: boolean;
  includeGlobalServiceEvents: boolean;
  selectors?: TrailSelectors | undefined;
}

export interface EarlierReceiving extends ReceivingSettings {
  /** The last event-log sequence number these settings decide. */
  throughSeq: number;
}

export interface TrailReceivingSettings extends TrailRegionScope {
  selectors?: TrailSelectors | undefined;
  /** Settings replaced while delivery had events of theirs ahead of it, oldest first. */
  earlierReceiving?: EarlierReceiving[] | undefined;
}

export interface ReceivingAt {
  settings: TrailRegionScope & { selectors?: TrailSelectors | undefined };
  /** Where these settings stop deciding; absent for the trail's current settings. */
  throughSeq?: number;
}

/** The settings that decide the events right after `cursor`. */
export function receivingAt(trail: TrailReceivingSettings, cursor: number): ReceivingAt {
  const earlier = trail.earlierReceiving?.find((entry) => entry.throughSeq > cursor);
  if (!earlier) return { settings: settingsOf(trail, trail) };
  return { settings: settingsOf(trail, earlier), throughSeq: earlier.throughSeq };
}

/**
 * `after`, keeping `before`'s settings for the events through `seq` when they differ, and dropping what delivery
 * (at `cursor`) has passed. Left as it is when delivery has nothing of the old settings ahead of it.
 */
export function withReceivingChange<T extends TrailReceivingSettings>(before: TrailReceivingSettings, after: T, seq: number, cursor: number): T {
  const kept = (before.earlierReceiving ?? []).filter((entry) => entry.throughSeq > cursor);
  if (seq > cursor && !sameSettings(before, after)) kept.push({ ...receivingSettings(before), throughSeq: seq });
  const { earlierReceiving: _old, ...rest } = after;
  return (kept.length > 0 ? { ...rest, earlierReceiving: kept } : rest) as T;
}

function receivingSettings(trail: ReceivingSettings): ReceivingSettings {
  return {
    isMultiRegionTrail: trail.isMultiRegionTrail,
    includeGlobalServiceEvents: trail.includeGlobalServiceEvents,
    ...(trail.selectors ? { selectors: trail.selectors } : {}),
  };
}

function settingsOf(trail: TrailRegionScope, settings: ReceivingSettings): ReceivingAt['settings'] {
  return { homeRegion: trail.homeRegion, ...receivingSettings(settings) };
}

function sameSettings(a: ReceivingSettings, b: ReceivingSettings): boolean {
  return JSON.stringify(receivingSettings(a)) === JSON.stringify(receivingSettings(b));
}
