// IAM and STS records write times in responseElements the way those services always have: "Nov 24, 2026 1:42:54 AM"
// (UTC), not ISO 8601; secrets are hidden as in every record.
import { scrubSecrets, toRequestParameters } from './request-parameters.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function recordDate(date: Date): string {
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function recordTimestamps(value: unknown): unknown {
  if (value instanceof Date) return recordDate(value);
  if (Array.isArray(value)) return value.map(recordTimestamps);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, recordTimestamps(member)]));
}

/** An IAM or STS answer as its record's responseElements. */
export function recordedOutput(output: Record<string, unknown>): Record<string, unknown> | null {
  return toRequestParameters(scrubSecrets(recordTimestamps(output)));
}
