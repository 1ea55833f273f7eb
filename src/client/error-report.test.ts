import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorReport } from './error-report.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('errorReport', () => {
  it('hands every trouble to the application\'s handler, made as it is reported, and survives a handler that throws', () => {
    const heard: string[] = [];
    const report = errorReport((error) => {
      heard.push(error.message);
      throw new Error('handler bug');
    }, 60_000);
    report(() => new Error('one'));
    report(() => new Error('two'));
    expect(heard).toEqual(['one', 'two']);
  });

  it('without a handler, warns at most once per interval and does not make the Errors it would not show', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const make = vi.fn(() => new Error('dropped a record (buffer_full)'));
    const report = errorReport(undefined, 60_000);
    for (let i = 0; i < 1000; i++) report(make);
    expect(make).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('dropped a record (buffer_full)', { code: 'OPENTRAIL_CLIENT' });
    vi.advanceTimersByTime(60_000);
    report(make);
    expect(make).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
