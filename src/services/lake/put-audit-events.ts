// PutAuditEvents (spec §4.12): events from outside AWS into a channel's event data stores. The channel must be the
// caller's; the good events of a call (checked alone, edge/surfaces/cloudtrail-data/audit-event-batch.ts) are stored
// in one group commit. The lake worker then copies them into the channel's destinations.
import { ServiceError } from '../../errors/service-error.js';
import { parseLakeReference } from '../../domain/lake/lake-arn.js';
import type { StoredChannel } from '../../store/lake-store.js';
import type { Services } from '../services.js';
import { ingestCandidates, type Candidate, type IngestAnswer, type Refused } from '../ingest/ingest-results.js';

export interface AuditCall {
  accountId: string;
  region: string;
  now: Date;
}

/** The channel `channelArn` names: an ARN or the id suffix of one of the caller's channels in the call's region. */
export async function auditChannel(services: Services, channelArn: string, call: AuditCall): Promise<StoredChannel> {
  const parsed = parseLakeReference('channel', channelArn, call);
  if (!parsed) {
    throw new ServiceError('InvalidChannelARN', `${channelArn} is not a channel ARN (arn:aws:cloudtrail:<region>:<account-id>:channel/<id>) or id.`);
  }
  const channel = parsed.region === call.region ? await services.store.lake.findChannel(parsed.arn) : undefined;
  if (!channel) throw new ServiceError('ChannelNotFound', `The channel ${parsed.arn} does not exist in ${call.region}.`);
  if (channel.accountId !== call.accountId) {
    throw new ServiceError('ChannelInsufficientPermission', `The channel ${parsed.arn} belongs to another account.`);
  }
  return channel;
}

/** Stores a call's checked events (audit-event-batch.ts) in one group commit and notes the attempt on the channel. */
export async function storeAuditEvents(
  services: Services,
  channel: StoredChannel,
  candidates: readonly Candidate[],
  refused: Refused[],
  now: Date,
): Promise<IngestAnswer> {
  const answer = await ingestCandidates(services.store.eventLog, candidates, channel.accountId, 'InternalFailure', refused);
  noteIngestion(services, channel, answer, now);
  return answer;
}

function noteIngestion(services: Services, channel: StoredChannel, answer: IngestAnswer, now: Date): void {
  const lastAccepted = answer.accepted.at(-1);
  const lastRefused = answer.refused.at(-1);
  services.channelIngestion.note(channel.arn, {
    latestAttemptMs: now.getTime(),
    ...(lastAccepted ? { latestAttemptEventId: lastAccepted.eventId } : {}),
    ...(lastAccepted ? { latestSuccessMs: now.getTime(), latestSuccessEventId: lastAccepted.eventId } : {}),
    ...(lastRefused ? { latestErrorCode: lastRefused.code } : {}),
  });
}
