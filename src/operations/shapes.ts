// Wire value shapes shared by the JSON operations.
import { z } from 'zod';

/**
 * A timestamp member: botocore sends integer epoch seconds, SDK v3 epoch seconds with a fraction; ISO-8601 strings
 * are accepted too (spec §4.1).
 */
export const timestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value * 1000 : parseTimestampText(value);
  // Beyond ±8.64e15 ms a Date is invalid, and a lookup window made of one would silently match nothing.
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime())) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a timestamp` });
    return z.NEVER;
  }
  return new Date(ms);
});

function parseTimestampText(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  return Date.parse(text);
}

/** Epoch seconds as a JSON number, the only timestamp form SDK v3 accepts in responses. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
