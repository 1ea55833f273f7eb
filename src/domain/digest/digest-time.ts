// The two ways digests write a time (spec §3.2, §3.3): `YYYY-MM-DDTHH:MM:SSZ` inside the JSON, `YYYYMMDDTHHMMSSZ` in
// the key. Digest windows are whole seconds, so that both forms say exactly the same instant.
import { formatEventTime } from '../event-time.js';

export function digestTime(ms: number): string {
  return formatEventTime(new Date(ms));
}

export function digestKeyTime(ms: number): string {
  return digestTime(ms).replace(/[-:]/g, '');
}

/** The whole second at or before `ms`. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
