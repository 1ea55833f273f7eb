// CloudTrail writes every time inside a record as `YYYY-MM-DDTHH:MM:SSZ`: UTC, whole seconds, literal Z (spec §1.1).

export function formatEventTime(at: Date): string {
  return at.toISOString().slice(0, 19) + 'Z';
}

/** Milliseconds since the epoch of a record's `eventTime`, or undefined when it is not a valid time. */
export function parseEventTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
