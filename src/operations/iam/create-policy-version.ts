// CreatePolicyVersion: a new version (numbered on from the last ever made), the default when SetAsDefault.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, onPolicyArn } from './iam-context.js';
import { queryBool } from './iam-shapes.js';
import { policyVersionWire } from './iam-wire.js';
import { checkManagedDocument, VERSIONS_PER_POLICY } from '../../services/iam/iam-managed-policies.js';
import { ServiceError } from '../../errors/service-error.js';

const input = z.object({ PolicyArn: z.string(), PolicyDocument: z.string(), SetAsDefault: queryBool.optional() });

export const createPolicyVersionOperation = defineOperation({
  name: 'CreatePolicyVersion',
  readOnly: false,
  input,
  errors: ['NoSuchEntity', 'MalformedPolicyDocument', 'InvalidInput', 'LimitExceeded', 'ServiceFailure'],
  access: onPolicyArn('CreatePolicyVersion', (i) => i.PolicyArn),
  run: (request, context) => exclusively(context, async (account) => {
    const policy = await account.policy(request.PolicyArn);
    const document = checkManagedDocument(context.services.identity.texts, request.PolicyDocument);
    if (policy.versions.length >= VERSIONS_PER_POLICY) {
      throw new ServiceError('LimitExceeded', `A managed policy can have up to ${VERSIONS_PER_POLICY} versions. Before you create a new version, you must delete an existing version.`);
    }
    const now = context.now.getTime();
    const version = { versionId: `v${policy.nextVersion}`, document, createdMs: now };
    const updated = {
      ...policy,
      versions: [version, ...policy.versions],
      nextVersion: policy.nextVersion + 1,
      updatedMs: now,
      defaultVersionId: request.SetAsDefault ? version.versionId : policy.defaultVersionId,
    };
    await account.save('policy', updated);
    return { PolicyVersion: policyVersionWire(updated, version, false) };
  }),
});
