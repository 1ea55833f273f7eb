// Every Event History record matching one lookup attribute, all pages, parsed.
import { LookupEventsCommand, type CloudTrailClient, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailRecord } from '../../src/domain/record.js';

export async function lookupAll(client: CloudTrailClient, key: LookupAttributeKey, value: string): Promise<CloudTrailRecord[]> {
  const records: CloudTrailRecord[] = [];
  const EndTime = new Date(Date.now() + 60_000);
  let NextToken: string | undefined;
  do {
    const page = await client.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: key, AttributeValue: value }], StartTime: new Date(0), EndTime, NextToken,
    }));
    for (const event of page.Events ?? []) records.push(JSON.parse(event.CloudTrailEvent!) as CloudTrailRecord);
    NextToken = page.NextToken;
  } while (NextToken);
  return records;
}

/** eventIDs that appear other than exactly once among `records`, or are missing from them. */
export function notExactlyOnce(expected: readonly string[], records: readonly CloudTrailRecord[]): { missing: string[]; repeated: string[]; unexpected: string[] } {
  const seen = new Map<string, number>();
  for (const record of records) seen.set(record.eventID, (seen.get(record.eventID) ?? 0) + 1);
  const wanted = new Set(expected);
  return {
    missing: expected.filter((id) => !seen.has(id)),
    repeated: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
    unexpected: [...seen.keys()].filter((id) => !wanted.has(id)),
  };
}
