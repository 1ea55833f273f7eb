import { describe, expect, it } from 'vitest';
import { indexEvent } from '../indexed-event.js';
import type { CloudTrailRecord } from '../record.js';
import { makeRecord } from '../../../test/support/records.js';
import { CandidateEvent } from './candidate-event.js';
import { deliverableEvent } from './deliverable-event.js';
import {
  CLOSING_RECORD_WINDOW, inLoggingPeriod, periodsAhead, readLimit, readStart, type LoggingPeriod,
} from './logging-periods.js';

const periods: LoggingPeriod[] = [{ afterSeq: 10, throughSeq: 20 }, { afterSeq: 30 }];
const at = (seq: number, overrides: Partial<CloudTrailRecord> = {}) =>
  new CandidateEvent(deliverableEvent(seq, indexEvent(makeRecord(overrides), { origin: 'recorded' })));
const stopLogging = (requestID: string): Partial<CloudTrailRecord> =>
  ({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', requestID, readOnly: false });

describe('logging periods', () => {
  it.each([
    [10, false], [11, true], [20, true], [21, false], [30, false], [31, true], [1000, true],
  ])('seq %i is in a period: %s', (seq, expected) => {
    expect(inLoggingPeriod(periods, at(seq))).toBe(expected);
  });

  it("takes in the StopLogging call's own record, committed after the period closed, and nothing else", () => {
    const closed: LoggingPeriod[] = [{ afterSeq: 10, throughSeq: 20, closingRequestId: 'req-1' }];
    expect(inLoggingPeriod(closed, at(23, stopLogging('req-1')))).toBe(true);
    expect(inLoggingPeriod(closed, at(22, stopLogging('req-2')))).toBe(false);
    expect(inLoggingPeriod(closed, at(21))).toBe(false);
    expect(inLoggingPeriod(closed, at(20 + CLOSING_RECORD_WINDOW + 1, stopLogging('req-1')))).toBe(false);
    expect(readLimit(closed)).toBe(20 + CLOSING_RECORD_WINDOW);
  });

  it('starts reading at the next period, skipping gaps', () => {
    expect(readStart(0, periods)).toBe(10);
    expect(readStart(15, periods)).toBe(15);
    expect(readStart(20, periods)).toBe(30);
    expect(readStart(40, periods)).toBe(40);
    expect(readStart(5, [])).toBe(5);
  });

  it('reads without limit while logging, and up to the last stop otherwise', () => {
    expect(readLimit(periods)).toBe(Infinity);
    expect(readLimit([{ afterSeq: 1, throughSeq: 4 }, { afterSeq: 6, throughSeq: 9 }])).toBe(9);
    expect(readLimit([])).toBe(0);
  });

  it('forgets periods the cursor has passed', () => {
    expect(periodsAhead(20, periods)).toEqual([{ afterSeq: 30 }]);
    expect(periodsAhead(19, periods)).toEqual(periods);
  });
});
