// `aws iam` and `aws sts` (AWS CLI v1) against a running server: IAM's answers and errors as botocore parses them,
// users' keys working at once, and every call recorded as a global-service event with its secrets hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { allow, cliEnv } from '../support/iam.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function ok(args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const result = await awsCli(server, args, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.trim() ? (JSON.parse(result.stdout) as Record<string, unknown>) : {};
}

describe('aws iam', () => {
  it('creates, reads, lists and renames users', async () => {
    const created = (await ok(['iam', 'create-user', '--user-name', 'alice', '--path', '/ops/'])).User as Record<string, string>;
    expect(created.UserName).toBe('alice');
    expect(created.Path).toBe('/ops/');
    expect(created.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(created.Arn).toBe('arn:aws:iam::123456789012:user/ops/alice');
    const got = (await ok(['iam', 'get-user', '--user-name', 'alice'])).User as Record<string, string>;
    expect(got).toEqual(created);
    await ok(['iam', 'create-user', '--user-name', 'bob']);
    const listed = (await ok(['iam', 'list-users'])).Users as Array<{ UserName: string }>;
    expect(listed.map((u) => u.UserName)).toEqual(['alice', 'bob']);
    await ok(['iam', 'update-user', '--user-name', 'bob', '--new-user-name', 'robert']);
    const renamed = (await ok(['iam', 'list-users', '--path-prefix', '/'])).Users as Array<{ UserName: string }>;
    expect(renamed.map((u) => u.UserName)).toEqual(['alice', 'robert']);
  });

  it('answers IAM\'s error codes: EntityAlreadyExists, NoSuchEntity, MalformedPolicyDocument, ValidationError', async () => {
    const dup = await awsCli(server, ['iam', 'create-user', '--user-name', 'ALICE']);
    expect(dup.code).toBe(255);
    expect(dup.stderr).toContain('An error occurred (EntityAlreadyExists) when calling the CreateUser operation: User with name ALICE already exists.');
    const missing = await awsCli(server, ['iam', 'get-user', '--user-name', 'nobody']);
    expect(missing.stderr).toContain('(NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.');
    const malformed = await awsCli(server, ['iam', 'put-user-policy', '--user-name', 'alice', '--policy-name', 'p', '--policy-document', '{"Statement":']);
    expect(malformed.stderr).toContain('(MalformedPolicyDocument) when calling the PutUserPolicy operation');
    const badName = await awsCli(server, ['iam', 'create-user', '--user-name', 'no spaces']);
    expect(badName.stderr).toContain('(ValidationError) when calling the CreateUser operation: 1 validation error detected');
  });

  it('shows a new secret once, lists keys without it, and refuses a third key and deleting a user with keys', async () => {
    const key = (await ok(['iam', 'create-access-key', '--user-name', 'alice'])).AccessKey as Record<string, string>;
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.SecretAccessKey).toHaveLength(40);
    expect(key.Status).toBe('Active');
    const listed = (await ok(['iam', 'list-access-keys', '--user-name', 'alice'])).AccessKeyMetadata as Array<Record<string, string>>;
    expect(listed).toEqual([{ UserName: 'alice', AccessKeyId: key.AccessKeyId, Status: 'Active', CreateDate: key.CreateDate }]);
    await ok(['iam', 'create-access-key', '--user-name', 'alice']);
    const third = await awsCli(server, ['iam', 'create-access-key', '--user-name', 'alice']);
    expect(third.stderr).toContain('(LimitExceeded) when calling the CreateAccessKey operation: Cannot exceed quota for AccessKeysPerUser: 2');
    const conflict = await awsCli(server, ['iam', 'delete-user', '--user-name', 'alice']);
    expect(conflict.stderr).toContain('(DeleteConflict) when calling the DeleteUser operation: Cannot delete entity, must delete access keys first.');
  });

  it('lists and manages root\'s own keys when root names no user', async () => {
    const listed = (await ok(['iam', 'list-access-keys'])).AccessKeyMetadata as Array<Record<string, string>>;
    expect(listed.map((k) => [k.AccessKeyId, k.Status, k.UserName])).toEqual([[server.credentials.accessKeyId, 'Active', undefined]]);
    const second = (await ok(['iam', 'create-access-key'])).AccessKey as Record<string, string>;
    await ok(['iam', 'delete-access-key', '--access-key-id', second.AccessKeyId!]);
    const notMine = await awsCli(server, ['iam', 'delete-access-key', '--access-key-id', second.AccessKeyId!]);
    expect(notMine.stderr).toContain(`(NoSuchEntity) when calling the DeleteAccessKey operation: The Access Key with id ${second.AccessKeyId!} cannot be found.`);
  });

  it('keeps inline policies and gives them back as JSON', async () => {
    const policy = allow('cloudtrail:LookupEvents');
    await ok(['iam', 'put-user-policy', '--user-name', 'robert', '--policy-name', 'lookup', '--policy-document', JSON.stringify(policy)]);
    const got = await ok(['iam', 'get-user-policy', '--user-name', 'robert', '--policy-name', 'lookup']);
    expect(got).toEqual({ UserName: 'robert', PolicyName: 'lookup', PolicyDocument: policy });
    expect((await ok(['iam', 'list-user-policies', '--user-name', 'robert'])).PolicyNames).toEqual(['lookup']);
  });

  it('manages groups, managed policies and their versions', async () => {
    await ok(['iam', 'create-group', '--group-name', 'auditors']);
    await ok(['iam', 'add-user-to-group', '--group-name', 'auditors', '--user-name', 'alice']);
    const group = await ok(['iam', 'get-group', '--group-name', 'auditors']);
    expect((group.Users as Array<{ UserName: string }>).map((u) => u.UserName)).toEqual(['alice']);
    const policy = (await ok(['iam', 'create-policy', '--policy-name', 'read-trails', '--policy-document', JSON.stringify(allow('cloudtrail:Describe*'))])).Policy as Record<string, unknown>;
    expect(policy.DefaultVersionId).toBe('v1');
    const arn = policy.Arn as string;
    await ok(['iam', 'attach-group-policy', '--group-name', 'auditors', '--policy-arn', arn]);
    expect((await ok(['iam', 'list-attached-group-policies', '--group-name', 'auditors'])).AttachedPolicies).toEqual([{ PolicyName: 'read-trails', PolicyArn: arn }]);
    await ok(['iam', 'create-policy-version', '--policy-arn', arn, '--policy-document', JSON.stringify(allow('cloudtrail:Get*')), '--set-as-default']);
    const versions = (await ok(['iam', 'list-policy-versions', '--policy-arn', arn])).Versions as Array<{ VersionId: string; IsDefaultVersion: boolean }>;
    expect(versions.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([['v2', true], ['v1', false]]);
    const v2 = (await ok(['iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v2'])).PolicyVersion as { Document: unknown };
    expect(v2.Document).toEqual(allow('cloudtrail:Get*'));
    const attached = await awsCli(server, ['iam', 'delete-policy', '--policy-arn', arn]);
    expect(attached.stderr).toContain('(DeleteConflict)');
    expect(((await ok(['iam', 'get-policy', '--policy-arn', arn])).Policy as { AttachmentCount: number }).AttachmentCount).toBe(1);
    expect(await ok(['iam', 'list-entities-for-policy', '--policy-arn', arn])).toMatchObject({
      PolicyGroups: [{ GroupName: 'auditors' }], PolicyUsers: [], PolicyRoles: [],
    });
  });

  it('creates roles with their trust policy', async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] };
    const role = (await ok(['iam', 'create-role', '--role-name', 'auditor', '--assume-role-policy-document', JSON.stringify(trust)])).Role as Record<string, unknown>;
    expect(role.RoleId).toMatch(/^AROA/);
    expect(role.AssumeRolePolicyDocument).toEqual(trust);
    expect(role.MaxSessionDuration).toBe(3600);
    const noPrincipal = await awsCli(server, ['iam', 'create-role', '--role-name', 'bad', '--assume-role-policy-document', JSON.stringify(allow('sts:AssumeRole'))]);
    expect(noPrincipal.stderr).toContain('(MalformedPolicyDocument)');
  });
});

describe('aws iam, continued', () => {
  it('tags users and roles, updates roles and renames groups with their members', async () => {
    await ok(['iam', 'tag-user', '--user-name', 'alice', '--tags', 'Key=team,Value=ops', 'Key=tier,Value=1']);
    await ok(['iam', 'tag-user', '--user-name', 'alice', '--tags', 'Key=TEAM,Value=audit']);
    await ok(['iam', 'untag-user', '--user-name', 'alice', '--tag-keys', 'tier']);
    expect((await ok(['iam', 'list-user-tags', '--user-name', 'alice'])).Tags).toEqual([{ Key: 'TEAM', Value: 'audit' }]);
    await ok(['iam', 'update-role', '--role-name', 'auditor', '--description', 'reads trails', '--max-session-duration', '7200']);
    const role = (await ok(['iam', 'get-role', '--role-name', 'auditor'])).Role as Record<string, unknown>;
    expect([role.Description, role.MaxSessionDuration]).toEqual(['reads trails', 7200]);
    await ok(['iam', 'update-group', '--group-name', 'auditors', '--new-group-name', 'reviewers']);
    const groups = (await ok(['iam', 'list-groups-for-user', '--user-name', 'alice'])).Groups as Array<{ GroupName: string; Arn: string }>;
    expect(groups.map((g) => [g.GroupName, g.Arn.endsWith(':group/reviewers')])).toEqual([['reviewers', true]]);
  });

  it('pages listings with Marker, as the CLI follows them', async () => {
    for (const name of ['page-1', 'page-2', 'page-3']) await ok(['iam', 'create-user', '--user-name', name]);
    const all = (await ok(['iam', 'list-users', '--page-size', '2'])).Users as Array<{ UserName: string }>;
    expect(all.map((u) => u.UserName)).toEqual(['alice', 'page-1', 'page-2', 'page-3', 'robert']);
    const first = await ok(['iam', 'list-users', '--max-items', '2']);
    expect((first.Users as unknown[]).length).toBe(2);
    const rest = await ok(['iam', 'list-users', '--starting-token', first.NextToken as string]);
    expect((rest.Users as Array<{ UserName: string }>).map((u) => u.UserName)).toEqual(['page-2', 'page-3', 'robert']);
  });
});

describe('aws sts and the users\' own keys', () => {
  it('names the caller, and refuses what its policies do not allow, recording the refusal', async () => {
    const key = (await ok(['iam', 'create-access-key', '--user-name', 'robert'])).AccessKey as Record<string, string>;
    const env = cliEnv({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const me = await ok(['sts', 'get-caller-identity'], env);
    expect(me.Arn).toMatch(/:user\/robert$/);
    const denied = await awsCli(server, ['cloudtrail', 'describe-trails'], env);
    expect(denied.stderr).toContain(`An error occurred (AccessDeniedException) when calling the DescribeTrails operation: User: ${me.Arn as string} is not authorized to perform: cloudtrail:DescribeTrails because no identity-based policy allows the cloudtrail:DescribeTrails action`);
    const iamDenied = await awsCli(server, ['iam', 'list-users'], env);
    expect(iamDenied.stderr).toContain('An error occurred (AccessDenied) when calling the ListUsers operation: User: ');
    const history = await ok(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=Username,AttributeValue=robert'], env);
    const records = (history.Events as Array<{ CloudTrailEvent: string }>).map((e) => JSON.parse(e.CloudTrailEvent) as Record<string, unknown>);
    const refused = records.find((r) => r.eventName === 'DescribeTrails');
    expect(refused).toMatchObject({ errorCode: 'AccessDeniedException', userIdentity: { type: 'IAMUser', userName: 'robert' } });
    const iamRefused = records.find((r) => r.eventName === 'ListUsers');
    expect(iamRefused).toMatchObject({ errorCode: 'AccessDenied', eventSource: 'iam.amazonaws.com', awsRegion: 'us-east-1' });
  });

  it('assumes a role with aws sts assume-role and uses the session with AWS_SESSION_TOKEN', async () => {
    const key = (await ok(['iam', 'create-access-key', '--user-name', 'page-1'])).AccessKey as Record<string, string>;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/page-1' }, Action: 'sts:AssumeRole' }] };
    await ok(['iam', 'create-role', '--role-name', 'cli-role', '--assume-role-policy-document', JSON.stringify(trust)]);
    await ok(['iam', 'put-role-policy', '--role-name', 'cli-role', '--policy-name', 'read', '--policy-document', JSON.stringify(allow('cloudtrail:DescribeTrails'))]);
    const env = cliEnv({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const assumed = await ok(['sts', 'assume-role', '--role-arn', 'arn:aws:iam::123456789012:role/cli-role', '--role-session-name', 'cli-session', '--duration-seconds', '900'], env);
    const creds = assumed.Credentials as Record<string, string>;
    const session = cliEnv({ accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! });
    expect((await ok(['sts', 'get-caller-identity'], session)).Arn).toBe('arn:aws:sts::123456789012:assumed-role/cli-role/cli-session');
    expect(await ok(['cloudtrail', 'describe-trails'], session)).toEqual({ trailList: [] });
    const denied = await awsCli(server, ['iam', 'list-roles'], session);
    expect(denied.stderr).toContain('(AccessDenied) when calling the ListRoles operation: User: arn:aws:sts::123456789012:assumed-role/cli-role/cli-session is not authorized to perform: iam:ListRoles');
  });

  it('records IAM calls as global events with the new secret hidden', async () => {
    const history = await ok(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=CreateAccessKey']);
    const record = JSON.parse((history.Events as Array<{ CloudTrailEvent: string }>)[0]!.CloudTrailEvent) as Record<string, any>;
    expect(record.eventSource).toBe('iam.amazonaws.com');
    expect(record.awsRegion).toBe('us-east-1');
    expect(record.userIdentity.type).toBe('Root');
    expect(record.responseElements.accessKey.secretAccessKey).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    expect(record.responseElements.accessKey.createDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/);
    expect(JSON.stringify(history)).not.toMatch(/"SecretAccessKey":"[^H]/);
  });
});

describe('IAM calls limited by what they change (aws iam, as the limited user)', () => {
  const ACCOUNT = '123456789012';
  async function userWithKey(name: string, policy: object): Promise<Record<string, string>> {
    await ok(['iam', 'create-user', '--user-name', name]);
    await ok(['iam', 'put-user-policy', '--user-name', name, '--policy-name', 'limits', '--policy-document', JSON.stringify(policy)]);
    const key = (await ok(['iam', 'create-access-key', '--user-name', name])).AccessKey as Record<string, string>;
    return cliEnv({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  }
  const denied = async (args: string[], env: Record<string, string>) => {
    const result = await awsCli(server, args, env);
    expect(result.code, result.stdout).toBe(255);
    expect(result.stderr).toContain('(AccessDenied)');
  };

  it('needs UpdateUser on the new path and name too, not only on the user as it is', async () => {
    const self = `arn:aws:iam::${ACCOUNT}:user/carol`;
    const env = await userWithKey('carol', allow('iam:UpdateUser', self));
    await denied(['iam', 'update-user', '--user-name', 'carol', '--new-path', '/admins/'], env);
    await denied(['iam', 'update-user', '--user-name', 'carol', '--new-user-name', 'root-ops'], env);
    expect(((await ok(['iam', 'get-user', '--user-name', 'carol'])).User as Record<string, string>).Arn).toBe(self);
  });

  it('evaluates iam:PolicyARN and aws:TagKeys / aws:RequestTag conditions on the call', async () => {
    const self = `arn:aws:iam::${ACCOUNT}:user/dave`;
    const admin = (await ok(['iam', 'create-policy', '--policy-name', 'AdminAccess', '--policy-document', JSON.stringify(allow('*'))])).Policy as Record<string, string>;
    const audit = (await ok(['iam', 'create-policy', '--policy-name', 'AuditRead', '--policy-document', JSON.stringify(allow('cloudtrail:LookupEvents'))])).Policy as Record<string, string>;
    const env = await userWithKey('dave', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:TagUser', 'iam:UntagUser'], Resource: self },
        { Effect: 'Deny', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': admin.Arn } } },
        { Effect: 'Deny', Action: ['iam:TagUser', 'iam:UntagUser'], Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['clearance'] } } },
        { Effect: 'Deny', Action: 'iam:TagUser', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'security' } } },
      ],
    });
    await denied(['iam', 'attach-user-policy', '--user-name', 'dave', '--policy-arn', admin.Arn!], env);
    await ok(['iam', 'attach-user-policy', '--user-name', 'dave', '--policy-arn', audit.Arn!], env);
    await denied(['iam', 'tag-user', '--user-name', 'dave', '--tags', 'Key=clearance,Value=top'], env);
    await denied(['iam', 'tag-user', '--user-name', 'dave', '--tags', 'Key=team,Value=security'], env);
    await ok(['iam', 'tag-user', '--user-name', 'dave', '--tags', 'Key=team,Value=web'], env);
    await denied(['iam', 'untag-user', '--user-name', 'dave', '--tag-keys', 'clearance'], env);
    const attached = (await ok(['iam', 'list-attached-user-policies', '--user-name', 'dave'])).AttachedPolicies as Array<{ PolicyName: string }>;
    expect(attached.map((p) => p.PolicyName)).toEqual(['AuditRead']);
    expect((await ok(['iam', 'list-user-tags', '--user-name', 'dave'])).Tags).toEqual([{ Key: 'team', Value: 'web' }]);
  });
});
