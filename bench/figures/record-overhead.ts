// record_overhead_p99_ms: what recording adds to a call — building its record and waiting for the durable group
// commit — measured per call with 16 concurrent callers, as a busy server has them.
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { Recorder } from '../../src/services/recorder.js';
import { elapsedMs, percentile, round } from '../stats.js';

export async function measureRecordOverhead(workDir: string, seconds: number): Promise<{ record_overhead_p99_ms: number; record_overhead_p50_ms: number; record_calls_per_s: number }> {
  const store = await openStore({ dataDir: path.join(workDir, 'record-data') });
  const recorder = new Recorder(store.eventLog);
  const samples: number[] = [];
  const until = Date.now() + seconds * 1000;
  const caller = async () => {
    while (Date.now() < until) {
      const start = process.hrtime.bigint();
      await recorder.recordCall({
        identity: { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012', accessKeyId: 'AKIA0' },
        accountId: '123456789012', region: 'us-east-1', eventSource: 'cloudtrail.amazonaws.com', eventName: 'LookupEvents',
        eventTime: new Date(), sourceIPAddress: '127.0.0.1', userAgent: 'bench', requestParameters: { maxResults: 50 },
        responseElements: null, requestId: 'bench', readOnly: true,
      });
      samples.push(elapsedMs(start));
    }
  };
  await Promise.all(Array.from({ length: 16 }, caller));
  await store.close();
  return {
    record_overhead_p99_ms: round(percentile(samples, 99)),
    record_overhead_p50_ms: round(percentile(samples, 50)),
    record_calls_per_s: round(samples.length / seconds, 0),
  };
}
