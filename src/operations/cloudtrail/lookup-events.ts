// LookupEvents (spec §4.6): Event History of the caller's account in the request's region, newest first.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { epochSeconds, timestamp } from '../shapes.js';
import { ServiceError } from '../../errors/service-error.js';
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey } from '../../domain/history-attributes.js';
import type { HistoryFilter, HistoryRow } from '../../store/store.js';
import { lookupEvents } from '../../services/history/event-lookup.js';

const input = z.object({
  LookupAttributes: z
    .array(z.object({ AttributeKey: z.string().optional(), AttributeValue: z.string().optional() }))
    .optional(),
  StartTime: timestamp.optional(),
  EndTime: timestamp.optional(),
  EventCategory: z.string().optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().optional(),
});
type Input = z.infer<typeof input>;

/** More than AWS's one attribute is opentrail's AND extension; one per key is all that can ever match. */
const MAX_ATTRIBUTES = LOOKUP_ATTRIBUTE_KEYS.length;
const INSIGHT_KEYS: readonly LookupAttributeKey[] = ['EventId', 'EventName', 'EventSource'];

export const lookupEventsOperation = defineOperation({
  name: 'LookupEvents',
  readOnly: true,
  input,
  errors: [
    'InvalidLookupAttributesException', 'InvalidTimeRangeException', 'InvalidMaxResultsException',
    'InvalidNextTokenException', 'InvalidEventCategoryException', 'UnsupportedOperationException',
    'OperationNotPermittedException',
  ],
  async run(request: Input, context) {
    const category = eventCategory(request.EventCategory);
    const maxResults = request.MaxResults ?? 50;
    if (maxResults < 1 || maxResults > 50) {
      throw new ServiceError('InvalidMaxResultsException', `MaxResults must be between 1 and 50; got ${maxResults}.`);
    }
    const { services } = context;
    const result = await lookupEvents(
      {
        accountId: context.caller.accountId,
        region: context.region,
        filters: lookupFilters(request.LookupAttributes ?? [], category),
        category,
        maxResults,
        ...(request.StartTime ? { start: request.StartTime } : {}),
        ...(request.EndTime ? { end: request.EndTime } : {}),
        ...(request.NextToken !== undefined ? { nextToken: request.NextToken } : {}),
      },
      {
        history: services.store.eventHistory,
        tokens: services.historyTokens,
        now: context.now,
        retentionDays: services.retentionDays,
      },
    );
    return { Events: result.rows.map(wireEvent), NextToken: result.nextToken };
  },
});

function eventCategory(value: string | undefined): 'management' | 'insight' {
  if (value === undefined) return 'management';
  if (value === 'insight') return 'insight';
  throw new ServiceError('InvalidEventCategoryException', `EventCategory must be 'insight'; got '${value}'.`);
}

function lookupFilters(
  attributes: NonNullable<Input['LookupAttributes']>,
  category: 'management' | 'insight',
): HistoryFilter[] {
  if (attributes.length > MAX_ATTRIBUTES) {
    throw new ServiceError(
      'InvalidLookupAttributesException',
      `At most ${MAX_ATTRIBUTES} lookup attributes may be combined; got ${attributes.length}.`,
    );
  }
  return attributes.map(({ AttributeKey: key, AttributeValue: value }) => {
    if (!isLookupKey(key)) {
      throw new ServiceError(
        'InvalidLookupAttributesException',
        `AttributeKey must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}; got ${key === undefined ? 'nothing' : `'${key}'`}.`,
      );
    }
    if (category === 'insight' && !INSIGHT_KEYS.includes(key)) {
      throw new ServiceError('InvalidLookupAttributesException', `AttributeKey ${key} cannot be used to look up Insights events.`);
    }
    if (value === undefined || value.length < 1 || value.length > 2000) {
      throw new ServiceError('InvalidLookupAttributesException', 'AttributeValue must be 1 to 2000 characters long.');
    }
    if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
      throw new ServiceError('InvalidLookupAttributesException', `The ReadOnly attribute takes 'true' or 'false'; got '${value}'.`);
    }
    return { key, value };
  });
}

function isLookupKey(key: string | undefined): key is LookupAttributeKey {
  return key !== undefined && (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);
}

function wireEvent(row: HistoryRow) {
  const a = row.attributes;
  return {
    EventId: a.eventId,
    EventName: a.eventName,
    ReadOnly: a.readOnly === undefined ? undefined : String(a.readOnly),
    AccessKeyId: a.accessKeyId,
    EventTime: epochSeconds(row.timeMs),
    EventSource: a.eventSource,
    Username: a.username,
    Resources: a.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: row.json,
  };
}
