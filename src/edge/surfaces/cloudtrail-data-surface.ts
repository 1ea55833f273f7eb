// The CloudTrail Data API surface (spec §4.12): REST-JSON `POST /PutAuditEvents?channelArn=…&externalId=…` signed
// for `cloudtrail-data`. Whole-request errors carry their code in x-amzn-ErrorType and `{"message"}`; per-event
// failures are part of a 200 answer. The call's own record is a data event on the channel, as AWS records it.
import { z } from 'zod';
import type { EdgeReply, EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import { ServiceError } from '../../errors/service-error.js';
import { parseJsonBody, serializationError } from '../protocols/json-rpc.js';
import { auditChannel, putAuditEvents, type AuditEventEntry } from '../../services/lake/put-audit-events.js';
import type { Services } from '../../services/services.js';

const EVENT_SOURCE = 'cloudtrail-data.amazonaws.com';
const PATH = '/PutAuditEvents';
export const MAX_AUDIT_EVENTS = 100;
/** "≤ 1 MB per call" (spec §4.12). */
export const MAX_AUDIT_BODY_BYTES = 1024 * 1024;
const AUDIT_EVENT_ID = /^[-_A-Za-z0-9]{1,128}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const CONTENT_TYPE = 'application/json';

const body = z.object({
  auditEvents: z.array(z.object({ id: z.string(), eventData: z.string(), eventDataChecksum: z.string().optional() })),
});

export function cloudTrailDataSurface(services: Services): Surface {
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
    // The channel named in the query is the resource, as in AWS; a call without one is refused by invoke.
    authorization: async ({ request }: CallContext) => [
      { action: 'cloudtrail-data:PutAuditEvents', resource: request.query.get('channelArn') || '*' },
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
      const entries = auditEntries(request);
      const answer = await putAuditEvents(services, channel, entries, where);
      const idOf = (index: number) => entries[index]?.id ?? '';
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

function requiredQuery(request: EdgeRequest, name: string): string {
  const value = request.query.get(name);
  if (value === null || value === '') throw new ServiceError('ValidationException', `The query parameter ${name} is required.`);
  return value;
}

/** The entries, with the request-wide rules: 1–100 of them, ids well-formed and unique within the request. */
function auditEntries(request: EdgeRequest): AuditEventEntry[] {
  const parsed = body.safeParse(parseJsonBody(request, MAX_AUDIT_BODY_BYTES));
  if (!parsed.success) throw serializationError(parsed.error);
  const entries = parsed.data.auditEvents;
  if (entries.length < 1 || entries.length > MAX_AUDIT_EVENTS) {
    throw new ServiceError('ValidationException', `auditEvents must hold 1 to ${MAX_AUDIT_EVENTS} events; got ${entries.length}.`);
  }
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (!AUDIT_EVENT_ID.test(id)) {
      throw new ServiceError('ValidationException', `Audit event id '${id}' must be 1 to 128 letters, digits, '-' and '_'.`);
    }
    if (seen.has(id)) throw new ServiceError('DuplicatedAuditEventId', `Audit event id '${id}' appears more than once in the request.`);
    seen.add(id);
  }
  return entries;
}

function reply(status: number, requestId: string, output: unknown, headers: Record<string, string> = {}): EdgeReply {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId, ...headers },
    body: JSON.stringify(output),
  };
}
