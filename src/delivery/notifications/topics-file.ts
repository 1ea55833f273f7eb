// Where a trail's SNS topic delivers: opentrail has no SNS, so topics and their HTTP/HTTPS subscribers are listed in
// `<data-dir>/topics.json` (docs/notifications.md). The file is read again whenever it changes, so subscribers can
// be added without a restart.
import fs from 'node:fs';
import { z } from 'zod';

const subscriptionSchema = z.object({
  endpoints: z.array(z.string().url().refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// URL')),
  signingSecret: z.string().min(1).optional(),
  signingCertUrl: z.string().optional(),
  unsubscribeUrl: z.string().optional(),
});

const fileSchema = z.object({ topics: z.record(z.string(), subscriptionSchema) });

export type TopicSubscription = z.infer<typeof subscriptionSchema>;

export const TOPICS_FILE = 'topics.json';

/** A topic's subscribers, looked up by the trail's topic ARN, then by its name. */
export interface TopicDirectory {
  find(topicArn: string, topicName: string): TopicSubscription | undefined;
}

export class TopicsFile implements TopicDirectory {
  readonly #path: string;
  #loadedMtimeMs: number | undefined;
  #topics: Record<string, TopicSubscription> = {};

  constructor(path: string) {
    this.#path = path;
  }

  /** Throws when the file exists but is not valid: a notification then fails with the reason. */
  find(topicArn: string, topicName: string): TopicSubscription | undefined {
    this.#refresh();
    return this.#topics[topicArn] ?? this.#topics[topicName];
  }

  #refresh(): void {
    const mtimeMs = mtimeOf(this.#path);
    if (mtimeMs === this.#loadedMtimeMs) return;
    this.#topics = mtimeMs === undefined ? {} : parseTopics(this.#path);
    this.#loadedMtimeMs = mtimeMs;
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return fs.statSync(path).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseTopics(path: string): Record<string, TopicSubscription> {
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data.topics;
  const issue = parsed.error.issues[0];
  throw new Error(`${path} is not valid: ${issue?.path.join('.')}: ${issue?.message}`);
}
