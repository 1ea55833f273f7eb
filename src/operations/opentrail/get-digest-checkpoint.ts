// GetDigestCheckpoint, opentrail's own operation (target prefix OpenTrail_20261101, signed for
// `cloudtrail`): the trail's signed checkpoints, one per region, for tail-truncation checks (docs/integrity.md).
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { ServiceError } from '../../errors/service-error.js';
import { signedCheckpoints } from '../../integrity/signed-checkpoints.js';

const TRAIL_ARN = /^arn:[^:]+:cloudtrail:[^:]+:(\d{12}):trail\/.+$/;

export const getDigestCheckpointOperation = defineOperation({
  name: 'GetDigestCheckpoint',
  readOnly: true,
  input: z.object({ TrailARN: z.string() }),
  errors: ['CloudTrailARNInvalidException', 'TrailNotFoundException'],
  async run({ TrailARN }, context) {
    const account = TRAIL_ARN.exec(TrailARN)?.[1];
    if (!account) throw new ServiceError('CloudTrailARNInvalidException', `Invalid trail ARN: ${TrailARN}`);
    const { store, signer } = context.services;
    // Another account's trails are not there for the caller, whatever their checkpoints.
    const checkpoints = account === context.caller.accountId
      ? await signedCheckpoints(store.digestChains, signer, TrailARN, context.now.getTime())
      : [];
    if (checkpoints.length === 0 && !(account === context.caller.accountId && (await store.trails.findTrail(TrailARN)))) {
      throw new ServiceError('TrailNotFoundException', `Unknown trail: ${TrailARN} for the user: ${context.caller.accountId}`);
    }
    return { Checkpoints: checkpoints };
  },
});
