// A plain-text table of LookupEvents results for people at a terminal.
import type { Event } from '@aws-sdk/client-cloudtrail';

const COLUMNS: ReadonlyArray<[title: string, value: (e: Event) => string]> = [
  ['EventTime', (e) => (e.EventTime ? e.EventTime.toISOString().slice(0, 19) + 'Z' : '')],
  ['EventName', (e) => e.EventName ?? ''],
  ['EventSource', (e) => e.EventSource ?? ''],
  ['Username', (e) => e.Username ?? ''],
  ['ReadOnly', (e) => e.ReadOnly ?? ''],
  ['Error', (e) => errorCodeOf(e)],
  ['EventId', (e) => e.EventId ?? ''],
];

export function formatEventTable(events: readonly Event[]): string {
  if (events.length === 0) return 'No events.\n';
  const rows = events.map((e) => COLUMNS.map(([, value]) => value(e)));
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(COLUMNS.map(([title]) => title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

function errorCodeOf(event: Event): string {
  try {
    const record = JSON.parse(event.CloudTrailEvent ?? '{}') as { errorCode?: unknown };
    return typeof record.errorCode === 'string' ? record.errorCode : '';
  } catch {
    return '';
  }
}
