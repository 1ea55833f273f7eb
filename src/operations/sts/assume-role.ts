// AssumeRole: temporary credentials for a role session. The role's trust policy must let the caller in (it is the
// resource policy of the sts:AssumeRole check); the session has the role's permissions, narrowed by any session
// policies, for 15 minutes up to the role's MaxSessionDuration (1 hour when one role session assumes another).
import { z } from 'zod';
import { defineOperation, type OperationContext } from '../operation.js';
import { checkDuration, durationSeconds, policyArns } from './sts-input.js';
import { issueTemporaryCredentials } from '../../services/iam/temporary-credentials.js';
import { IamAccount } from '../../services/iam/iam-account.js';
import { checkPolicyDocument } from '../../services/iam/iam-policy-documents.js';
import { ServiceError } from '../../errors/service-error.js';
import { recordedOutput } from '../../domain/global-service-output.js';
import type { IamRole } from '../../store/identity-store.js';
import type { AccessCheck } from '../../domain/access-check.js';
import type { RecordResource } from '../../domain/record.js';

const input = z.object({
  RoleArn: z.string(),
  RoleSessionName: z.string(),
  DurationSeconds: durationSeconds,
  Policy: z.string().optional(),
  PolicyArns: policyArns,
  ExternalId: z.string().optional(),
  SourceIdentity: z.string().optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
});
type Input = z.infer<typeof input>;

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const SESSION_POLICY_MAX = 2048;

function checkSessionName(name: string): void {
  const constraint = name.length < 2 ? 'Member must have length greater than or equal to 2'
    : name.length > 64 ? 'Member must have length less than or equal to 64'
      : SESSION_NAME.test(name) ? undefined : 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';
  if (constraint) throw new ServiceError('ValidationError', `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: ${constraint}`);
}

async function roleOf(arn: string, context: OperationContext): Promise<IamRole | undefined> {
  const match = ROLE_ARN.exec(arn);
  if (!match) return undefined;
  const role = await new IamAccount(match[1]!, context.services.store.identities).find('role', match[2]!);
  return role && role.arn === arn ? role : undefined;
}

function denied(context: OperationContext, roleArn: string): ServiceError {
  return new ServiceError('AccessDeniedException', `User: ${context.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
}

export const assumeRoleOperation = defineOperation({
  name: 'AssumeRole',
  readOnly: true,
  input,
  // Read-only, yet recorded with their answer (credentials without their secrets), as STS records them.
  responseElements: recordedOutput,
  errors: ['MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabledException', 'ExpiredTokenException'],
  async access({ RoleArn }: Input, context): Promise<AccessCheck[]> {
    if (!ROLE_ARN.test(RoleArn)) {
      throw new ServiceError('ValidationError', `${RoleArn} is invalid`);
    }
    const role = await roleOf(RoleArn, context);
    const trust = role ? [context.services.identity.texts.parse(role.assumeRolePolicy, 'trust')] : [];
    return [{ action: 'sts:AssumeRole', resource: RoleArn, resourceAccountId: ROLE_ARN.exec(RoleArn)![1]!, resourcePolicies: trust }];
  },
  async run(request: Input, context) {
    const { caller, services } = context;
    if (caller.type === 'Root') throw new ServiceError('AccessDeniedException', 'Roles may not be assumed by root accounts.');
    checkSessionName(request.RoleSessionName);
    const role = await roleOf(request.RoleArn, context);
    if (!role) throw denied(context, request.RoleArn);
    const chained = caller.type === 'AssumedRole';
    const seconds = checkDuration(request.DurationSeconds, 3600, 900, chained ? 3600 : role.maxSessionDuration);
    if (request.Policy !== undefined) {
      if (request.Policy.replace(/\s/g, '').length > SESSION_POLICY_MAX) {
        throw new ServiceError('PackedPolicyTooLarge', 'Packed policy consumes more than 100 percent of the allowed space.');
      }
      checkPolicyDocument(services.identity.texts, request.Policy, 'identity', SESSION_POLICY_MAX);
    }
    const accountId = ROLE_ARN.exec(role.arn)![1]!;
    const sessionArn = `arn:aws:sts::${accountId}:assumed-role/${role.name}/${request.RoleSessionName}`;
    const assumedRoleId = `${role.id}:${request.RoleSessionName}`;
    const now = context.now.getTime();
    const sessionPolicyArns = request.PolicyArns?.map((p) => p.arn);
    const Credentials = await issueTemporaryCredentials(
      services.store.credentials,
      services.identity.secrets,
      { accountId, type: 'AssumedRole', principalId: assumedRoleId, arn: sessionArn },
      {
        issuedMs: now,
        issuer: { type: 'Role', name: role.name, id: role.id, arn: role.arn },
        sessionName: request.RoleSessionName,
        ...(request.Policy !== undefined ? { sessionPolicies: [request.Policy] } : {}),
        ...(sessionPolicyArns?.length ? { sessionPolicyArns } : {}),
      },
      now + seconds * 1000,
    );
    return { Credentials, AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: sessionArn } };
  },
  resources({ RoleArn }: Input): RecordResource[] {
    const match = ROLE_ARN.exec(RoleArn);
    return match ? [{ ARN: RoleArn, accountId: match[1]!, type: 'AWS::IAM::Role' }] : [];
  },
});
