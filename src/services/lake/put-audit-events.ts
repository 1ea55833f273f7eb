// PutAuditEvents (spec §4.12): events from outside AWS into a channel's event data stores. The channel must be the
// caller's; each event is checked alone (checksum, schema, recipient) and the good ones of the call are stored in
// one group commit. The lake worker then copies them into the channel's destinations.
import { ServiceError } from '../../errors/service-error.js';
import { parseLakeReference } from '../../domain/lake/lake-arn.js';
import { checkAuditEvent } from '../../domain/lake/audit-event-data.js';
import { auditEventRecord, indexAuditEvent } from '../../domain/lake/audit-event-record.js';
import type { StoredChannel } from '../../store/lake-store.js';
import { formatEventTime } from '../../domain/event-time.js';
import type { Services } from '../services.js';
import { ingestCandidates, type Candidate, type IngestAnswer, type Refused } from '../ingest/ingest-results.js';

export interface AuditEventEntry {
  id: string;
  eventData: string;
  eventDataChecksum?: string | undefined;
}

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

export async function putAuditEvents(
  services: Services,
  channel: StoredChannel,
  entries: readonly AuditEventEntry[],
  call: AuditCall,
): Promise<IngestAnswer> {
  const { inHistory, toTrails } = services.auditEvents;
  const origin = toTrails ? 'recorded' : 'channel';
  const ingestionTime = formatEventTime(call.now);
  const candidates: Candidate[] = [];
  const refused: Refused[] = [];
  entries.forEach((entry, index) => {
    const check = checkAuditEvent(entry.eventData, entry.eventDataChecksum, channel.accountId);
    if (!check.ok) {
      refused.push({ index, code: check.problem.code, message: check.problem.message });
      return;
    }
    const facts = {
      channelArn: channel.arn, id: entry.id, eventData: check.data, eventDataText: entry.eventData, eventDataChecksum: check.checksum, timeMs: check.timeMs,
      region: call.region, ingestionTime,
    };
    candidates.push({ index, event: indexAuditEvent(auditEventRecord(facts), facts, { inHistory, origin }) });
  });
  const answer = await ingestCandidates(services.store.eventLog, candidates, channel.accountId, 'InternalFailure', refused);
  noteIngestion(services, channel, answer, call.now);
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
