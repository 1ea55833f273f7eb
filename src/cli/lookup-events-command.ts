// `opentrail lookup-events`: Event History from the command line, through the same API the AWS CLI uses (the
// command is a client of the server, signed with the bootstrap credentials), as a table or as JSON.
import path from 'node:path';
import { Command, Option } from 'commander';
import { CloudTrailClient, LookupEventsCommand, type Event, type LookupAttribute } from '@aws-sdk/client-cloudtrail';
import { DEFAULTS, ENV } from '../config-names.js';
import { CREDENTIALS_FILE, readSharedCredentials } from '../services/bootstrap-identity.js';
import { LOOKUP_ATTRIBUTE_KEYS } from '../domain/history-attributes.js';
import { formatEventTable } from './event-table.js';

const FILTER_FLAGS: ReadonlyArray<[flag: string, key: (typeof LOOKUP_ATTRIBUTE_KEYS)[number]]> = [
  ['eventId', 'EventId'], ['eventName', 'EventName'], ['readOnly', 'ReadOnly'], ['username', 'Username'],
  ['resourceType', 'ResourceType'], ['resourceName', 'ResourceName'], ['eventSource', 'EventSource'],
  ['accessKeyId', 'AccessKeyId'],
];

export function lookupEventsCommand(): Command {
  const command = new Command('lookup-events')
    .description('Search Event History (several filters are combined with AND)')
    .option('--endpoint <url>', 'opentrail endpoint', `http://${DEFAULTS.host}:${DEFAULTS.port}`)
    .option('--region <region>', 'region whose Event History to search', process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1')
    .option('--data-dir <dir>', `data dir whose credentials file to use (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--start-time <time>', 'oldest event time (ISO 8601 or epoch seconds)')
    .option('--end-time <time>', 'newest event time (ISO 8601 or epoch seconds)')
    .option('--max-items <n>', 'stop after this many events', '50')
    .addOption(new Option('--output <format>', 'output format').choices(['table', 'json']).default('table'));
  for (const [flag, key] of FILTER_FLAGS) {
    command.option(`--${kebab(flag)} <value>`, `only events whose ${key} is <value>`);
  }
  return command.action(async (flags: Record<string, string | undefined>) => {
    const events = await fetchEvents(flags);
    process.stdout.write(flags.output === 'json' ? `${JSON.stringify({ Events: events }, null, 2)}\n` : formatEventTable(events));
  });
}

async function fetchEvents(flags: Record<string, string | undefined>): Promise<Event[]> {
  const dataDir = flags.dataDir ?? process.env[ENV.dataDir] ?? DEFAULTS.dataDir;
  const client = new CloudTrailClient({
    endpoint: flags.endpoint,
    region: flags.region,
    credentials: process.env.AWS_ACCESS_KEY_ID ? undefined : bootstrapCredentials(dataDir),
    maxAttempts: 3,
  });
  const maxItems = Number(flags.maxItems);
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error('--max-items must be a positive whole number');
  const attributes: LookupAttribute[] = FILTER_FLAGS.flatMap(([flag, key]) =>
    flags[flag] === undefined ? [] : [{ AttributeKey: key, AttributeValue: flags[flag] }],
  );
  const events: Event[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new LookupEventsCommand({
        LookupAttributes: attributes,
        StartTime: parseTime(flags.startTime),
        EndTime: parseTime(flags.endTime),
        MaxResults: Math.min(50, maxItems - events.length),
        NextToken: token,
      }),
    );
    events.push(...(page.Events ?? []));
    token = page.NextToken;
  } while (token && events.length < maxItems);
  client.destroy();
  return events;
}

/** The data dir's generated credentials; with AWS_ACCESS_KEY_ID set, the SDK's usual chain decides instead. */
function bootstrapCredentials(dataDir: string) {
  const file = path.resolve(dataDir, CREDENTIALS_FILE);
  const pair = readSharedCredentials(file);
  if (!pair) throw new Error(`No credentials in ${file}: start \`opentrail serve\` once, or set AWS_ACCESS_KEY_ID.`);
  return pair;
}

function parseTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (Number.isNaN(at.getTime())) throw new Error(`not a time: ${text}`);
  return at;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
