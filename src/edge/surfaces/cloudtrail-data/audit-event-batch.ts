// One PutAuditEvents call's body turned into what the event log stores: the request-wide rules (1–100 entries,
// well-formed ids, unique within the call), then each event checked alone (checksum, schema, recipient) and, when
// good, given its envelope and index facts. Pure: it needs no store, so it can run on an ingest thread.
import { z } from 'zod';
import { ServiceError } from '../../../errors/service-error.js';
import { parseJsonBytes, serializationError } from '../../protocols/json-rpc.js';
import { checkAuditEvent } from '../../../domain/lake/audit-event-data.js';
import { auditEventRecord, indexAuditEvent } from '../../../domain/lake/audit-event-record.js';
import type { EventOrigin } from '../../../domain/indexed-event.js';
import type { Candidate, Refused } from '../../../services/ingest/ingest-results.js';

export const MAX_AUDIT_EVENTS = 100;
/** "≤ 1 MB per call" (spec §4.12). */
export const MAX_AUDIT_BODY_BYTES = 1024 * 1024;
const AUDIT_EVENT_ID = /^[-_A-Za-z0-9]{1,128}$/;

const body = z.object({
  auditEvents: z.array(z.object({ id: z.string(), eventData: z.string(), eventDataChecksum: z.string().optional() })),
});

/** What the call's events are checked against and stamped with; plain data, as it crosses to an ingest thread. */
export interface AuditBatchFacts {
  channelArn: string;
  /** The channel's destinations (event data store ARNs) as the call finds them: where its events are kept. */
  channelStores: string[];
  /** The channel's owner: the only recipientAccountId its events may name. */
  accountId: string;
  region: string;
  /** `metadata.ingestionTime`, formatted once per call. */
  ingestionTime: string;
  inHistory: boolean;
  origin: EventOrigin;
}

export interface PreparedAuditEvents {
  /** Every entry's id, in order: the answer names each event by it. */
  ids: string[];
  candidates: Candidate[];
  refused: Refused[];
}

/** Throws a ServiceError when the call as a whole is refused; a bad event only lands in `refused`. */
export function prepareAuditEvents(bytes: Uint8Array, facts: AuditBatchFacts): PreparedAuditEvents {
  const entries = auditEntries(bytes);
  const candidates: Candidate[] = [];
  const refused: Refused[] = [];
  entries.forEach((entry, index) => {
    const check = checkAuditEvent(entry.eventData, entry.eventDataChecksum, facts.accountId);
    if (!check.ok) {
      refused.push({ index, code: check.problem.code, message: check.problem.message });
      return;
    }
    const event = {
      channelArn: facts.channelArn, id: entry.id, eventData: check.data, eventDataText: entry.eventData,
      eventDataChecksum: check.checksum, timeMs: check.timeMs, region: facts.region, ingestionTime: facts.ingestionTime,
    };
    candidates.push({ index, event: indexAuditEvent(auditEventRecord(event), event, facts) });
  });
  return { ids: entries.map((entry) => entry.id), candidates, refused };
}

function auditEntries(bytes: Uint8Array): z.infer<typeof body>['auditEvents'] {
  const parsed = body.safeParse(parseJsonBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), MAX_AUDIT_BODY_BYTES));
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
