// GetSessionToken: temporary credentials for the calling user (or root) with the caller's own permissions, 15 minutes
// to 36 hours (1 hour for root). Needs no permission, but only long-term keys may ask.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { checkDuration, durationSeconds } from './sts-input.js';
import { issueTemporaryCredentials } from '../../services/iam/temporary-credentials.js';
import { ServiceError } from '../../errors/service-error.js';
import { recordedOutput } from '../../domain/global-service-output.js';

const input = z.object({ DurationSeconds: durationSeconds, SerialNumber: z.string().optional(), TokenCode: z.string().optional() });

export const getSessionTokenOperation = defineOperation({
  name: 'GetSessionToken',
  readOnly: true,
  input,
  // Read-only, yet recorded with their answer (credentials without their secrets), as STS records them.
  responseElements: recordedOutput,
  errors: ['RegionDisabledException'],
  access: () => [],
  async run({ DurationSeconds }, context) {
    const { caller, services } = context;
    if (caller.session) {
      throw new ServiceError('AccessDeniedException', 'Cannot call GetSessionToken with session credentials');
    }
    const root = caller.type === 'Root';
    const seconds = checkDuration(DurationSeconds, root ? 3600 : 43200, 900, root ? 3600 : 129600);
    const now = context.now.getTime();
    const Credentials = await issueTemporaryCredentials(
      services.store.credentials,
      services.identity.secrets,
      { accountId: caller.accountId, type: caller.type, principalId: caller.principalId, arn: caller.arn, ...(caller.userName ? { userName: caller.userName } : {}) },
      { issuedMs: now, issuer: { type: root ? 'Root' : 'IAMUser', name: caller.userName ?? caller.accountId, id: caller.principalId, arn: caller.arn } },
      now + seconds * 1000,
    );
    return { Credentials };
  },
});
