// After a delivery, tells the trail's SNS topic subscribers which files arrived (spec §6.1) and keeps
// GetTrailStatus' notification members true. Runs beside delivery: a slow subscriber never holds up log files.
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/clock.js';
import type { StoredTrail, TrailStore } from '../../store/trail-store.js';
import { DEFAULT_PUBLISH_POLICY, publishToEndpoint, type PublishPolicy } from './http-endpoint-publisher.js';
import { cloudTrailMessage, snsEnvelope } from './sns-envelope.js';
import type { TopicDirectory, TopicSubscription } from './topics-file.js';

/** SNS keeps messages under 256 KB; keys are at most ~1 KB, so this many always fit in one. */
const MAX_KEYS_PER_MESSAGE = 200;

/** LatestNotificationError when the trail's topic is not in topics.json: SNS's code for an unknown topic. */
export const UNKNOWN_TOPIC_ERROR = 'NotFound';

export interface TrailNotifierDeps {
  topics: TopicDirectory;
  trails: TrailStore;
  clock: Clock;
  log: Logger;
  /** Signs envelopes of topics without a `signingSecret` of their own. */
  signingKey: Uint8Array;
  policy?: PublishPolicy;
}

export class TrailNotifier {
  readonly #deps: TrailNotifierDeps;
  readonly #pending = new Set<Promise<void>>();
  readonly #stopping = new AbortController();

  constructor(deps: TrailNotifierDeps) {
    this.#deps = deps;
  }

  /** Starts notifying in the background; does nothing for a trail without a topic. */
  delivered(trail: StoredTrail, bucket: string, keys: readonly string[]): void {
    if (!trail.snsTopicArn || !trail.snsTopicName || keys.length === 0) return;
    const sending = this.#notifyTopic(trail.arn, trail.snsTopicArn, trail.snsTopicName, bucket, keys)
      .catch((err: unknown) => this.#deps.log.error({ err, trail: trail.arn }, 'could not record the notification outcome'))
      .finally(() => this.#pending.delete(sending));
    this.#pending.add(sending);
  }

  /** Resolves once every notification started so far has succeeded or given up, and its outcome is recorded. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Gives up waiting retries and waits for what is in flight, so that statuses are written before the store closes. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.idle();
  }

  async #notifyTopic(trailArn: string, topicArn: string, topicName: string, bucket: string, keys: readonly string[]): Promise<void> {
    const attemptMs = this.#deps.clock.now().getTime();
    let error: string | undefined;
    try {
      const topic = this.#deps.topics.find(topicArn, topicName);
      if (!topic) error = UNKNOWN_TOPIC_ERROR;
      else await this.#publish(topicArn, topic, bucket, keys);
    } catch (err) {
      error = (err as Error).message;
    }
    if (error !== undefined) this.#deps.log.warn({ trail: trailArn, topic: topicArn, error }, 'notification failed');
    await this.#recordOutcome(trailArn, attemptMs, error);
  }

  async #publish(topicArn: string, topic: TopicSubscription, bucket: string, keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += MAX_KEYS_PER_MESSAGE) {
      const envelope = snsEnvelope(cloudTrailMessage({ s3Bucket: bucket, s3ObjectKey: keys.slice(i, i + MAX_KEYS_PER_MESSAGE) }), {
        topicArn,
        messageId: crypto.randomUUID(),
        at: this.#deps.clock.now(),
        signingKey: topic.signingSecret ? Buffer.from(topic.signingSecret, 'utf8') : this.#deps.signingKey,
        signingCertUrl: topic.signingCertUrl ?? '',
        unsubscribeUrl: topic.unsubscribeUrl ?? '',
      });
      const policy = this.#deps.policy ?? DEFAULT_PUBLISH_POLICY;
      const outcomes = await Promise.allSettled(topic.endpoints.map((url) => publishToEndpoint(url, envelope, policy, this.#stopping.signal)));
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  async #recordOutcome(trailArn: string, attemptMs: number, error: string | undefined): Promise<void> {
    const nowMs = this.#deps.clock.now().getTime();
    await this.#deps.trails.updateTrailStatus(
      trailArn,
      error === undefined
        ? { latestNotificationMs: nowMs, latestNotificationAttemptMs: attemptMs, latestNotificationAttemptSucceededMs: nowMs, latestNotificationError: undefined }
        : { latestNotificationAttemptMs: attemptMs, latestNotificationError: error },
    );
  }
}
