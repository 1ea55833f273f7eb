// The CloudTrail Data API surface (spec §4.12): REST-JSON `POST /PutAuditEvents?channelArn=…&externalId=…` signed
// for `cloudtrail-data`. Whole-request errors carry their code in x-amzn-ErrorType and `{"message"}`; per-event
// failures are part of a 200 answer. The call's own record is a data event on the channel, as AWS records it.
import type { EdgeReply, EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import { ServiceError } from '../../errors/service-error.js';
import { auditChannel, storeAuditEvents } from '../../services/lake/put-audit-events.js';
import { formatEventTime } from '../../domain/event-time.js';
import { parseLakeReference } from '../../domain/lake/lake-arn.js';
import type { Services } from '../../services/services.js';
import type { StoredChannel } from '../../store/lake-store.js';
import type { AuditBatchPreparer } from './cloudtrail-data/audit-batch-threads.js';
import type { AuditBatchFacts } from './cloudtrail-data/audit-event-batch.js';

const EVENT_SOURCE = 'cloudtrail-data.amazonaws.com';
const PATH = '/PutAuditEvents';
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const CONTENT_TYPE = 'application/json';

/** `batches`: where each call's body is decoded and its events checked (audit-batch-threads.ts). */
export function cloudTrailDataSurface(services: Services, batches: AuditBatchPreparer): Surface {
  return {
    signingNames: ['cloudtrail-data'],
    recognizes: (request) => request.path === PATH,
    describe(request) {
      return {
        eventSource: EVENT_SOURCE,
        eventName: request.path === PATH ? 'PutAuditEvents' : 'UnknownOperation',
        readOnly: false,
        requestParameters: null,
        responseElements: null,
        managementEvent: false,
      };
    },
    // The channel named in the query is the resource, as in AWS, always by its ARN: a bare id names the same channel
    // and must meet the same policies. A call without a well-formed one is refused by invoke.
    authorization: async ({ request, caller, region }: CallContext) => [
      { action: 'cloudtrail-data:PutAuditEvents', resource: channelResource(request.query.get('channelArn'), caller.accountId, region) },
    ],
    async invoke(call: CallContext, facts: CallFacts) {
      const { request } = call;
      if (request.method !== 'POST' || request.path !== PATH) {
        throw new ServiceError('UnknownOperationException', `${request.method} ${request.path} is not an operation of the CloudTrail Data API.`);
      }
      const channelArn = requiredQuery(request, 'channelArn');
      const externalId = request.query.get('externalId') ?? undefined;
      facts.requestParameters = { channelArn, ...(externalId === undefined ? {} : { externalId }) };
      if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) {
        throw new ServiceError('ValidationException', 'externalId must be 2 to 1224 characters of letters, digits and _+=,.@:/-.');
      }
      const where = { accountId: call.caller.accountId, region: call.region, now: services.clock.now() };
      const channel = await auditChannel(services, channelArn, where);
      facts.resources = [{ accountId: channel.accountId, type: 'AWS::CloudTrail::Channel', ARN: channel.arn }];
      const { ids, candidates, refused } = await batches.prepare(request.body, batchFacts(services, channel, where));
      const answer = await storeAuditEvents(services, channel, candidates, refused, where.now);
      const idOf = (index: number) => ids[index] ?? '';
      const output = {
        successful: answer.accepted.map(({ index, eventId }) => ({ id: idOf(index), eventID: eventId })),
        failed: answer.refused.map(({ index, code, message }) => ({ id: idOf(index), errorCode: code, errorMessage: message })),
      };
      facts.responseElements = { successfulCount: output.successful.length, failedCount: output.failed.length };
      return reply(200, request.requestId, output);
    },
    errorReply: (error: ServiceError, request: EdgeRequest) =>
      reply(error.status, request.requestId, { message: error.message }, { 'x-amzn-errortype': error.code }),
  };
}

function channelResource(reference: string | null, accountId: string, region: string): string {
  const parsed = reference ? parseLakeReference('channel', reference, { accountId, region }) : undefined;
  return parsed?.arn ?? '*';
}

function requiredQuery(request: EdgeRequest, name: string): string {
  const value = request.query.get(name);
  if (value === null || value === '') throw new ServiceError('ValidationException', `The query parameter ${name} is required.`);
  return value;
}

function batchFacts(services: Services, channel: StoredChannel, call: { region: string; now: Date }): AuditBatchFacts {
  const { inHistory, toTrails } = services.auditEvents;
  return {
    channelArn: channel.arn, channelStores: channel.destinations.map((destination) => destination.Location), accountId: channel.accountId, region: call.region, ingestionTime: formatEventTime(call.now),
    inHistory, origin: toTrails ? 'recorded' : 'channel',
  };
}

function reply(status: number, requestId: string, output: unknown, headers: Record<string, string> = {}): EdgeReply {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId, ...headers },
    body: JSON.stringify(output),
  };
}
