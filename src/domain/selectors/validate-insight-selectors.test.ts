import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../test/support/records.js';
import type { CloudTrailRecord } from '../record.js';
import type { InsightSelector } from './insight-selector.js';
import { matchesInsightSelectors } from './insight-events.js';
import { defaultTrailSelectors, validatePutEventSelectors, type TrailSelectors } from './trail-selectors.js';
import { validateInsightSelectors } from './validate-insight-selectors.js';

const rejected = (fragment: string) =>
  expect.objectContaining({ code: 'InvalidInsightSelectorsException', message: expect.stringContaining(fragment) });

const callRate: InsightSelector = { InsightType: 'ApiCallRateInsight' };
const errorRate: InsightSelector = { InsightType: 'ApiErrorRateInsight' };

const basic = (ReadWriteType: string, IncludeManagementEvents = true) =>
  validatePutEventSelectors({ EventSelectors: [{ ReadWriteType, IncludeManagementEvents, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] });
const advancedManagement = (...readOnly: string[]) => validatePutEventSelectors({
  AdvancedEventSelectors: [{
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Management'] },
      ...(readOnly.length > 0 ? [{ Field: 'readOnly', Equals: readOnly }] : []),
    ],
  }],
});
const advancedDataOnly = validatePutEventSelectors({
  AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] }],
});

describe('validateInsightSelectors (spec §4.4, §5.4)', () => {
  it('accepts [] (Insights off) and both types, keeping EventCategories only when given', () => {
    expect(validateInsightSelectors([])).toEqual([]);
    expect(validateInsightSelectors([callRate, { ...errorRate, EventCategories: ['Management', 'Data', 'Data'] }])).toEqual([
      { InsightType: 'ApiCallRateInsight' },
      { InsightType: 'ApiErrorRateInsight', EventCategories: ['Management', 'Data'] },
    ]);
  });

  it.each<[string, InsightSelector[], string]>([
    ['a selector without InsightType', [{ EventCategories: ['Management'] }], 'InsightType must be one of ApiCallRateInsight, ApiErrorRateInsight; got nothing'],
    ['an unknown InsightType', [{ InsightType: 'ApiLatencyInsight' }], "got 'ApiLatencyInsight'"],
    ['an unknown event category', [{ ...callRate, EventCategories: ['Insight'] }], "EventCategories may only contain Management, Data; got 'Insight'"],
    ['an empty EventCategories', [{ ...callRate, EventCategories: [] }], 'must name at least one'],
    ['the same type twice', [callRate, errorRate, callRate], 'ApiCallRateInsight is listed more than once'],
  ])('rejects %s', (_, selectors, fragment) => {
    expect(() => validateInsightSelectors(selectors)).toThrow(rejected(fragment));
  });

  it.each<[string, TrailSelectors, boolean, boolean]>([
    ['the default selectors', defaultTrailSelectors(), true, true],
    ['basic WriteOnly', basic('WriteOnly'), true, true],
    ['basic ReadOnly', basic('ReadOnly'), false, true],
    ['basic, management events off', basic('All', false), false, false],
    ['advanced, all management events', advancedManagement(), true, true],
    ['advanced, read management events', advancedManagement('true'), false, true],
    ['advanced, write management events', advancedManagement('false'), true, true],
    ['advanced, data events only', advancedDataOnly, false, false],
  ])('with %s: ApiCallRateInsight %s, ApiErrorRateInsight %s', (_, trail, callRateAllowed, errorRateAllowed) => {
    const attempt = (selector: InsightSelector) => () => validateInsightSelectors([selector], trail);
    if (callRateAllowed) expect(attempt(callRate)).not.toThrow();
    else expect(attempt(callRate)).toThrow(rejected('ApiCallRateInsight needs the trail to log write management events'));
    if (errorRateAllowed) expect(attempt(errorRate)).not.toThrow();
    else expect(attempt(errorRate)).toThrow(rejected('ApiErrorRateInsight needs the trail to log read or write management events'));
  });
});

describe('matchesInsightSelectors (spec §5, §7)', () => {
  const insight = (insightType: string): CloudTrailRecord => ({
    eventVersion: '1.08', eventTime: '2025-02-10T13:07:00Z', awsRegion: 'us-east-1', eventID: 'i', eventType: 'AwsCloudTrailInsight',
    eventCategory: 'Insight', insightDetails: { state: 'Start', insightType },
  });

  it.each<[string, InsightSelector[], CloudTrailRecord, boolean]>([
    ['an enabled type', [callRate], insight('ApiCallRateInsight'), true],
    ['another type', [callRate], insight('ApiErrorRateInsight'), false],
    ['Insights turned off', [], insight('ApiCallRateInsight'), false],
    ['a management event', [callRate, errorRate], makeRecord(), false],
    ['a management event claiming an insight type', [callRate], makeRecord({ insightDetails: { insightType: 'ApiCallRateInsight' } }), false],
  ])('%s', (_, selectors, record, expected) => {
    expect(matchesInsightSelectors(selectors, record)).toBe(expected);
  });
});
