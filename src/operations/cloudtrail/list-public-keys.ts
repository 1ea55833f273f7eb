// ListPublicKeys (spec §3.6, §4.5): the caller's region's digest signing keys whose validity overlaps the range.
// `Value` is base64 of the PKCS#1 DER, encoded once, and `Fingerprint` the MD5 hex that digests name their key by.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { epochSeconds, timestamp } from '../shapes.js';
import { ServiceError } from '../../errors/service-error.js';

export const listPublicKeysOperation = defineOperation({
  name: 'ListPublicKeys',
  readOnly: true,
  input: z.object({
    StartTime: timestamp.optional(),
    EndTime: timestamp.optional(),
    NextToken: z.string().optional(),
  }),
  errors: [
    'InvalidTimeRangeException', 'UnsupportedOperationException', 'OperationNotPermittedException', 'InvalidTokenException',
  ],
  async run({ StartTime, EndTime, NextToken }, context) {
    // Reserved by the model and never issued: every key fits in one response.
    if (NextToken !== undefined) throw new ServiceError('InvalidTokenException', 'ListPublicKeys issues no NextToken; send none.');
    const nowMs = context.now.getTime();
    const startMs = StartTime?.getTime() ?? nowMs;
    const endMs = EndTime?.getTime() ?? nowMs;
    if (startMs > endMs) throw new ServiceError('InvalidTimeRangeException', 'StartTime must not be after EndTime.');
    const keys = await context.services.signer.publicKeys(context.region, startMs, endMs);
    return {
      PublicKeyList: keys.map((key) => ({
        Value: key.pkcs1Der.toString('base64'),
        ValidityStartTime: epochSeconds(key.validityStartMs),
        ValidityEndTime: epochSeconds(key.validityEndMs),
        Fingerprint: key.fingerprint,
      })),
    };
  },
});
