import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { advancedEventSelectorSchema } from './advanced-event-selector.js';
import { eventSelectorSchema } from './event-selector.js';
import { insightSelectorSchema } from './insight-selector.js';

// The schemas check member types only; values are the validators' business (InvalidEventSelectorsException, not
// SerializationException).
describe('wire schemas (spec §4.13)', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['EventSelector with an unknown ReadWriteType', eventSelectorSchema, { ReadWriteType: 'Everything', DataResources: [{ Type: 'AWS::SNS::Topic', Values: [] }] }],
    ['AdvancedEventSelector with an unknown field and an empty list', advancedEventSelectorSchema, { Name: '', FieldSelectors: [{ Field: 'nope', Equals: [] }] }],
    ['InsightSelector with an unknown type', insightSelectorSchema, { InsightType: 'Nope', EventCategories: ['Nope'] }],
  ])('accepts %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each<[string, z.ZodType, unknown]>([
    ['IncludeManagementEvents as a string', eventSelectorSchema, { IncludeManagementEvents: 'true' }],
    ['DataResources.Values as a string', eventSelectorSchema, { DataResources: [{ Type: 'AWS::S3::Object', Values: 'arn:aws:s3' }] }],
    ['ExcludeManagementEventSources with a number', eventSelectorSchema, { ExcludeManagementEventSources: [1] }],
    ['an advanced selector without FieldSelectors', advancedEventSelectorSchema, { Name: 'x' }],
    ['a field selector without Field', advancedEventSelectorSchema, { FieldSelectors: [{ Equals: ['x'] }] }],
    ['an operator holding a string', advancedEventSelectorSchema, { FieldSelectors: [{ Field: 'eventName', NotEquals: 'x' }] }],
    ['EventCategories as a string', insightSelectorSchema, { InsightType: 'ApiCallRateInsight', EventCategories: 'Management' }],
  ])('rejects %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
