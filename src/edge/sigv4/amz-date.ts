// The two timestamp shapes SigV4 accepts: ISO 8601 basic (X-Amz-Date, and the string to sign) and the HTTP Date
// header's IMF-fixdate, which botocore sends instead of X-Amz-Date when a request already carries a Date header.

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UTC|[+-]\d{4})$/;

/** yyyyMMddTHHmmssZ */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function parseAmzDate(text: string): Date | undefined {
  const match = ISO_BASIC.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  // Date.UTC rolls 20250231 over into March; a real calendar date survives the round trip.
  return formatAmzDate(date) === text ? date : undefined;
}

/** An X-Amz-Date-style value, or else an HTTP Date header value. */
export function parseDateHeader(text: string): Date | undefined {
  const iso = parseAmzDate(text);
  if (iso) return iso;
  if (!HTTP_DATE.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
