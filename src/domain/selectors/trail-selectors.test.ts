import { describe, expect, it } from 'vitest';
import {
  defaultEventSelectors,
  defaultTrailSelectors,
  validatePutEventSelectors,
  wireEventSelectors,
  type PutEventSelectorsMembers,
} from './trail-selectors.js';
import { SelectorError } from './selector-error.js';

describe('trail selectors (spec §4.4, §5, §5.1)', () => {
  it('defaults to every management event, read and write, and nothing else', () => {
    expect(defaultEventSelectors()).toEqual([
      { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ]);
    expect(wireEventSelectors(defaultTrailSelectors())).toEqual({ EventSelectors: defaultEventSelectors() });
  });

  it('hands out a fresh default each time', () => {
    const first = defaultEventSelectors();
    first[0]!.DataResources.push({ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] });
    expect(defaultEventSelectors()[0]?.DataResources).toEqual([]);
  });

  it.each<[string, PutEventSelectorsMembers]>([
    ['both kinds', { EventSelectors: [{}], AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }],
    ['neither kind', {}],
    ['neither kind, spelled out as undefined', { EventSelectors: undefined, AdvancedEventSelectors: undefined }],
  ])('answers %s with InvalidParameterCombinationException', (_, request) => {
    expect(() => validatePutEventSelectors(request)).toThrow(
      expect.objectContaining({ code: 'InvalidParameterCombinationException', message: expect.stringContaining('either EventSelectors or AdvancedEventSelectors') }),
    );
  });

  it('keeps the kind that was sent and answers with only that kind', () => {
    const basic = validatePutEventSelectors({ EventSelectors: [{ ReadWriteType: 'ReadOnly' }] });
    expect(basic.kind).toBe('basic');
    expect(wireEventSelectors(basic)).toEqual({
      EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    });
    const fieldSelectors = [{ Field: 'eventCategory', Equals: ['Management'] }];
    const advanced = validatePutEventSelectors({ AdvancedEventSelectors: [{ Name: 'm', FieldSelectors: fieldSelectors }] });
    expect(advanced.kind).toBe('advanced');
    expect(wireEventSelectors(advanced)).toEqual({ AdvancedEventSelectors: [{ Name: 'm', FieldSelectors: fieldSelectors }] });
  });

  it('validates whichever kind was sent', () => {
    expect(() => validatePutEventSelectors({ EventSelectors: [] })).toThrow(SelectorError);
    expect(() => validatePutEventSelectors({ AdvancedEventSelectors: [] })).toThrow(
      expect.objectContaining({ code: 'InvalidEventSelectorsException' }),
    );
  });
});
