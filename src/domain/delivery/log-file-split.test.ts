import { describe, expect, it } from 'vitest';
import { indexEvent } from '../indexed-event.js';
import { makeRecord } from '../../../test/support/records.js';
import { EMPTY_LOG_FILE_BYTES, logFileBody, recordFileBytes } from './log-file-body.js';
import { splitBySize } from './log-file-split.js';
import { deliverableEvent, type DeliverableEvent } from './deliverable-event.js';

const events = (count: number): DeliverableEvent[] =>
  Array.from({ length: count }, (_, i) => deliverableEvent(i + 1, indexEvent(makeRecord({ eventName: `Call${'x'.repeat(i)}` }), { origin: 'recorded' })));

describe('splitBySize', () => {
  it('keeps everything in one file when it fits', () => {
    const all = events(5);
    expect(splitBySize(all)).toEqual([all]);
  });

  it('splits into consecutive files, each within the limit, losing and reordering nothing', () => {
    const all = events(40);
    const limit = EMPTY_LOG_FILE_BYTES + 5 * recordFileBytes(all[39]!.json);
    const files = splitBySize(all, limit);
    expect(files.length).toBeGreaterThan(1);
    expect(files.flat()).toEqual(all);
    for (const file of files) {
      expect(logFileBody(file.map((e) => e.json)).length).toBeLessThanOrEqual(limit);
    }
  });

  it('gives a record bigger than the limit a file of its own rather than dropping it', () => {
    const all = events(3);
    expect(splitBySize(all, 10)).toEqual(all.map((e) => [e]));
  });

  it('makes no file from no events', () => {
    expect(splitBySize([])).toEqual([]);
  });
});
