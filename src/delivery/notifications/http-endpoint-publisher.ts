// POSTs an SNS envelope to one HTTP/HTTPS subscriber the way SNS does (headers included), retrying with back-off
// when the endpoint fails or cannot be reached, until it answers 2xx or the attempts run out.
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs, type BackoffPolicy } from '../retry-backoff.js';
import type { SnsEnvelope } from './sns-envelope.js';

export interface PublishPolicy extends BackoffPolicy {
  attempts: number;
  timeoutMs: number;
}

/** SNS's default HTTP/S delivery policy retries 3 times; opentrail spaces them out a little more. */
export const DEFAULT_PUBLISH_POLICY: PublishPolicy = { attempts: 4, firstDelayMs: 1_000, maxDelayMs: 20_000, timeoutMs: 15_000 };

export class EndpointDeliveryError extends Error {}

export async function publishToEndpoint(
  url: string,
  envelope: SnsEnvelope,
  policy: PublishPolicy,
  signal: AbortSignal,
): Promise<void> {
  let lastError = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await sleep(backoffDelayMs(policy, attempt - 1), undefined, { signal }).catch(() => undefined);
    if (signal.aborted) break;
    lastError = await postOnce(url, envelope, policy.timeoutMs);
    if (lastError === '') return;
  }
  throw new EndpointDeliveryError(`${url}: ${lastError || 'not attempted: opentrail is stopping'}`);
}

/** '' on success, otherwise why it failed. */
async function postOnce(url: string, envelope: SnsEnvelope, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: snsHeaders(url, envelope),
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.ok ? '' : `HTTP ${response.status}`;
  } catch (err) {
    return (err as Error).message;
  }
}

function snsHeaders(url: string, envelope: SnsEnvelope): Record<string, string> {
  return {
    'content-type': 'text/plain; charset=UTF-8',
    'user-agent': 'opentrail-sns',
    'x-amz-sns-message-type': envelope.Type,
    'x-amz-sns-message-id': envelope.MessageId,
    'x-amz-sns-topic-arn': envelope.TopicArn,
    'x-amz-sns-subscription-arn': subscriptionArn(envelope.TopicArn, url),
  };
}

/** Stable per topic and endpoint, shaped like SNS's `<topic ARN>:<uuid>`. */
export function subscriptionArn(topicArn: string, url: string): string {
  const hex = crypto.createHash('sha256').update(`${topicArn}\n${url}`).digest('hex');
  return `${topicArn}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
