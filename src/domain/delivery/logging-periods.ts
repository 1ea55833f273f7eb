// The stretches of the event log during which a trail was logging: StartLogging opens one at the log's last
// sequence number (so its own record is in), StopLogging closes it at the then last one. Events outside every
// period were recorded while the trail was not logging and never reach its files, even when delivery catches up
// with them later.
import type { CandidateEvent } from './candidate-event.js';

export interface LoggingPeriod {
  /** Exclusive: the last sequence number committed when logging started. */
  afterSeq: number;
  /** Inclusive: the last sequence number committed when logging stopped; absent while it is logging. */
  throughSeq?: number | undefined;
  /**
   * The request id of the StopLogging call that closed the period. Its record is committed just after the call
   * ran, so after `throughSeq`, yet it belongs in the trail: that a trail was stopped is what its readers most
   * need to see.
   */
  closingRequestId?: string | undefined;
}

/**
 * How far past `throughSeq` the StopLogging record is looked for: further than the calls in flight beside it
 * could ever take, so that a record which was never stored (the call failed) does not hold the period open.
 */
export const CLOSING_RECORD_WINDOW = 10_000;

/** The last sequence number the period can want; Infinity while it is open. */
export function periodEnd(period: LoggingPeriod): number {
  if (period.throughSeq === undefined) return Infinity;
  return period.throughSeq + (period.closingRequestId === undefined ? 0 : CLOSING_RECORD_WINDOW);
}

export function inLoggingPeriod(periods: readonly LoggingPeriod[], candidate: CandidateEvent): boolean {
  return periods.some((p) => inPeriod(p, candidate));
}

function inPeriod(period: LoggingPeriod, candidate: CandidateEvent): boolean {
  const { seq } = candidate;
  if (seq <= period.afterSeq || seq > periodEnd(period)) return false;
  if (period.throughSeq === undefined || seq <= period.throughSeq) return true;
  return isStopLoggingCall(candidate, period.closingRequestId);
}

function isStopLoggingCall(candidate: CandidateEvent, requestId: string | undefined): boolean {
  const { eventName, eventSource } = candidate.event;
  return eventName === 'StopLogging' && eventSource === 'cloudtrail.amazonaws.com' && candidate.record.requestID === requestId;
}

/** Where reading past `cursor` can start: no event in a gap between periods is wanted. */
export function readStart(cursor: number, periods: readonly LoggingPeriod[]): number {
  const ahead = periodsAhead(cursor, periods);
  if (ahead.length === 0) return cursor;
  return Math.max(cursor, Math.min(...ahead.map((p) => p.afterSeq)));
}

/** The last sequence number any period can want; Infinity while one is open. */
export function readLimit(periods: readonly LoggingPeriod[]): number {
  return Math.max(0, ...periods.map(periodEnd));
}

/** Periods a cursor at `cursor` has not left behind yet. */
export function periodsAhead(cursor: number, periods: readonly LoggingPeriod[]): LoggingPeriod[] {
  return periods.filter((p) => periodEnd(p) > cursor);
}
