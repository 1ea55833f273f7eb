// GetTrailStatus' response (spec §4.3): times as epoch-second numbers, except the deprecated members, which AWS
// still sends as `YYYY-MM-DDTHH:MM:SSZ` strings. Members with nothing stored are left out.
import type { TrailStatus } from '../../store/trail-store.js';
import { formatEventTime } from '../../domain/event-time.js';
import { epochSeconds } from '../shapes.js';

export function trailStatusWire(status: TrailStatus) {
  return {
    IsLogging: status.isLogging,
    LatestDeliveryError: status.latestDeliveryError,
    LatestNotificationError: status.latestNotificationError,
    LatestDeliveryTime: seconds(status.latestDeliveryMs),
    LatestNotificationTime: seconds(status.latestNotificationMs),
    StartLoggingTime: seconds(status.startLoggingMs),
    StopLoggingTime: seconds(status.stopLoggingMs),
    LatestDigestDeliveryTime: seconds(status.latestDigestDeliveryMs),
    LatestDigestDeliveryError: status.latestDigestDeliveryError,
    LatestDeliveryAttemptTime: text(status.latestDeliveryAttemptMs),
    LatestNotificationAttemptTime: text(status.latestNotificationAttemptMs),
    LatestNotificationAttemptSucceeded: text(status.latestNotificationAttemptSucceededMs),
    LatestDeliveryAttemptSucceeded: text(status.latestDeliveryAttemptSucceededMs),
    TimeLoggingStarted: text(status.startLoggingMs),
    TimeLoggingStopped: text(status.stopLoggingMs),
  };
}

const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : epochSeconds(ms));

const text = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : formatEventTime(new Date(ms)));
