// CreatePolicy: a customer managed policy whose first version (v1) is its default.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, iamAccount } from './iam-context.js';
import { tagList } from './iam-shapes.js';
import { policyWire } from './iam-wire.js';
import { checkDescription, checkName, checkPath } from '../../services/iam/iam-validation.js';
import { checkNewEntity, checkTags } from '../../services/iam/iam-entity-rules.js';
import { checkManagedDocument } from '../../services/iam/iam-managed-policies.js';
import { newId } from '../../services/iam/iam-ids.js';
import type { ManagedPolicy } from '../../store/identity-store.js';

const input = z.object({
  PolicyName: z.string(), PolicyDocument: z.string(), Path: z.string().optional(), Description: z.string().optional(), Tags: tagList,
});

export const createPolicyOperation = defineOperation({
  name: 'CreatePolicy',
  readOnly: false,
  input,
  errors: ['InvalidInput', 'LimitExceeded', 'EntityAlreadyExists', 'MalformedPolicyDocument', 'ConcurrentModification', 'ServiceFailure'],
  access: (request, context) => [{ action: 'iam:CreatePolicy', resource: iamAccount(context).arn('policy', request.Path ?? '/', request.PolicyName) }],
  run: (request, context) => exclusively(context, async (account) => {
    const name = checkName('PolicyName', request.PolicyName, 128);
    const path = checkPath('Path', request.Path);
    const description = checkDescription(request.Description);
    const tags = checkTags(request.Tags);
    const document = checkManagedDocument(context.services.identity.texts, request.PolicyDocument);
    await checkNewEntity(account, 'policy', name);
    const now = context.now.getTime();
    const policy: ManagedPolicy = {
      name, path, id: newId('ANPA'), arn: account.arn('policy', path, name), createdMs: now, updatedMs: now,
      defaultVersionId: 'v1', versions: [{ versionId: 'v1', document, createdMs: now }], nextVersion: 2, tags,
      ...(description !== undefined ? { description } : {}),
    };
    await account.save('policy', policy);
    return { Policy: policyWire(policy, 0) };
  }),
});
