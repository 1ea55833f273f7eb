// OpenTrail_20261101.PutRecords (docs/bulk-ingest.md): up to 1000 full CloudTrail records, 5 MiB, per call; each
// record succeeds or fails alone, and the successful ones are durable before the answer. Idempotent on eventID.
// `Common`: the compact form, members every record of the call shares, sent once and completed here.
// `OmitSuccessful`: the answer counts the stored records rather than listing them (a producer that made the eventIDs
// needs only the failures).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { ServiceError } from '../../errors/service-error.js';
import { putRecords } from '../../services/ingest/put-records.js';
import { commonMembersProblem, withCommonMembers } from '../../domain/ingest/common-members.js';

export const MAX_RECORDS = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const input = z.object({
  Records: z.array(z.unknown()),
  Common: z.record(z.string(), z.unknown()).optional(),
  OmitSuccessful: z.boolean().optional(),
});

interface PutRecordsOutput {
  Successful?: Array<{ Index: number; EventId: string }>;
  SuccessfulCount?: number;
  Failed: Array<{ Index: number; ErrorCode: string; ErrorMessage: string }>;
}

export const putRecordsOperation = defineOperation({
  name: 'PutRecords',
  readOnly: false,
  input,
  errors: ['ValidationException'],
  // Read whole so that an oversized call gets the contract's ValidationException rather than a bare 413.
  maxBodyBytes: 2 * MAX_BODY_BYTES,
  requestParameters: (body) => ({ recordCount: Array.isArray(body.Records) ? body.Records.length : 0 }),
  async run({ Records, Common, OmitSuccessful }, context): Promise<PutRecordsOutput> {
    if (context.request.body.length > MAX_BODY_BYTES) {
      throw new ServiceError('ValidationException', `The request body is ${context.request.body.length} bytes; PutRecords takes at most ${MAX_BODY_BYTES}.`);
    }
    if (Records.length < 1 || Records.length > MAX_RECORDS) {
      throw new ServiceError('ValidationException', `Records must hold 1 to ${MAX_RECORDS} records; got ${Records.length}.`);
    }
    const problem = Common && commonMembersProblem(Common);
    if (problem) throw new ServiceError('ValidationException', problem);
    const records = Common ? Records.map((record) => withCommonMembers(record, Common)) : Records;
    const answer = await putRecords(context.services.store.eventLog, records, context.caller.accountId);
    const Failed = answer.refused.map(({ index, code, message }) => ({ Index: index, ErrorCode: code, ErrorMessage: message }));
    if (OmitSuccessful) return { SuccessfulCount: answer.accepted.length, Failed };
    return { Successful: answer.accepted.map(({ index, eventId }) => ({ Index: index, EventId: eventId })), Failed };
  },
  responseElements: (output) => ({ successfulCount: output.Successful?.length ?? output.SuccessfulCount ?? 0, failedCount: output.Failed.length }),
});
