// ListPolicyVersions: a policy's versions, newest first, without their documents.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onPolicyArn } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { policyVersionWire } from './iam-wire.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';

const input = z.object({ PolicyArn: z.string(), ...paging });

export const listPolicyVersionsOperation = defineOperation({
  name: 'ListPolicyVersions',
  readOnly: true,
  input,
  errors: ['NoSuchEntity', 'InvalidInput', 'ServiceFailure'],
  access: onPolicyArn('ListPolicyVersions', (i) => i.PolicyArn),
  async run({ PolicyArn, ...paged }, context) {
    const policy = await iamAccount(context).policy(PolicyArn);
    // Newest first, so the page key must grow along that order: the creation time, inverted.
    const key = (createdMs: number, id: string) => `${String(Number.MAX_SAFE_INTEGER - createdMs).padStart(16, '0')}${id}`;
    return pagedWire('Versions', page(policy.versions, (v) => key(v.createdMs, v.versionId), paged), (v) => policyVersionWire(policy, v, false));
  },
});
