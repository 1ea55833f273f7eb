// Authorization on every surface, with AWS SDK v3 clients (CloudTrail, IAM, STS, S3) as users and role sessions:
// resource-level permissions on trails, Deny over Allow, conditions, role sessions that expire, inactive keys, and
// a bucket policy granting one user read access to the log bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddTagsCommand, CreateTrailCommand, DescribeTrailsCommand, GetTrailStatusCommand, LookupEventsCommand, UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, CreateGroupCommand, CreatePolicyCommand, CreateRoleCommand, DeletePolicyCommand,
  PutRolePolicyCommand, PutUserPolicyCommand, UpdateAssumeRolePolicyCommand, TagUserCommand, GetUserCommand, UpdateAccessKeyCommand, GetAccessKeyLastUsedCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { GetObjectCommand, PutBucketPolicyCommand, GetBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ManualClock } from '../../src/domain/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { createBuckets, s3Client } from '../support/s3.js';
import { addRootAccount } from '../support/accounts.js';
import { allow, createUserWithKey, iamClient, stsClient, type SessionCredentials } from '../support/iam.js';

const ACCOUNT = '123456789012';
const clock = new ManualClock(Date.now());
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({}, { clock });
  await createBuckets(server, ['audit-logs']);
  const ct = cloudTrailClient(server);
  for (const name of ['dev-a', 'prod']) await ct.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
  ct.destroy();
});
afterAll(async () => server?.close());

/** A CloudTrail client whose signing clock follows the server's manual clock. */
function trailClient(credentials: SessionCredentials): CloudTrailClient {
  return new CloudTrailClient({
    endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, systemClockOffset: clock.now().getTime() - Date.now(),
  });
}

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { name: string; message: string };
  }
  throw new Error('the call succeeded');
}

describe('authorization of CloudTrail calls', () => {
  it('refuses LookupEvents without cloudtrail:LookupEvents, in AWS\'s words, and records the refusal', async () => {
    const user = await createUserWithKey(server, 'no-lookup', allow('cloudtrail:DescribeTrails'));
    const ct = trailClient(user);
    const err = await failure(ct.send(new LookupEventsCommand({})));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(`User: ${user.arn} is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`);
    const root = cloudTrailClient(server);
    const found = await root.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'no-lookup' }] }));
    const record = JSON.parse(found.Events!.find((e) => e.EventName === 'LookupEvents')!.CloudTrailEvent!);
    expect(record).toMatchObject({ errorCode: 'AccessDeniedException', errorMessage: err.message, userIdentity: { type: 'IAMUser', arn: user.arn } });
    root.destroy();
    ct.destroy();
  });

  it('lets a user allowed only trail/dev-* update dev-a but not prod', async () => {
    const user = await createUserWithKey(server, 'dev-admin', allow('cloudtrail:UpdateTrail', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/dev-*`));
    const ct = trailClient(user);
    await ct.send(new UpdateTrailCommand({ Name: 'dev-a', S3KeyPrefix: 'dev' }));
    const err = await failure(ct.send(new UpdateTrailCommand({ Name: 'prod', S3KeyPrefix: 'x' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain(`on resource: arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/prod because no identity-based policy allows`);
    ct.destroy();
  });

  it('lets an explicit Deny on the user beat an Allow from its group', async () => {
    const iam = iamClient(server);
    const user = await createUserWithKey(server, 'denied-member', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'cloudtrail:DescribeTrails', Resource: '*' }] });
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'describe', PolicyDocument: JSON.stringify(allow('cloudtrail:*')) }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: Policy!.Arn! }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'denied-member' }));
    const ct = trailClient(user);
    await ct.send(new LookupEventsCommand({ MaxResults: 1 }));
    const err = await failure(ct.send(new DescribeTrailsCommand({})));
    expect(err.message).toBe(`User: ${user.arn} is not authorized to perform: cloudtrail:DescribeTrails with an explicit deny in an identity-based policy`);
    iam.destroy();
    ct.destroy();
  });

  it('applies an aws:SourceIp condition', async () => {
    const here = await createUserWithKey(server, 'from-loopback', allow('cloudtrail:DescribeTrails', '*', { Condition: { IpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '::1/128'] } } }));
    const elsewhere = await createUserWithKey(server, 'from-office', allow('cloudtrail:DescribeTrails', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
    const ok = trailClient(here);
    expect((await ok.send(new DescribeTrailsCommand({}))).trailList!.length).toBeGreaterThan(0);
    const no = trailClient(elsewhere);
    expect((await failure(no.send(new DescribeTrailsCommand({})))).name).toBe('AccessDeniedException');
    ok.destroy();
    no.destroy();
  });
});

describe('tag conditions', () => {
  it('reads a trail\'s tags as aws:ResourceTag and the user\'s as aws:PrincipalTag', async () => {
    const root = cloudTrailClient(server);
    await root.send(new AddTagsCommand({ ResourceId: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/dev-a`, TagsList: [{ Key: 'env', Value: 'dev' }] }));
    const policy = allow('cloudtrail:GetTrailStatus', '*', { Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev', 'aws:PrincipalTag/team': 'platform' } } });
    const tagged = await createUserWithKey(server, 'tagged', policy);
    const untagged = await createUserWithKey(server, 'untagged', policy);
    const iam = iamClient(server);
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'team', Value: 'platform' }] }));
    const ct = trailClient(tagged);
    const other = trailClient(untagged);
    expect((await failure(other.send(new GetTrailStatusCommand({ Name: 'dev-a' })))).name).toBe('AccessDeniedException');
    expect((await failure(ct.send(new GetTrailStatusCommand({ Name: 'prod' })))).name).toBe('AccessDeniedException');
    await ct.send(new GetTrailStatusCommand({ Name: 'dev-a' }));
    for (const client of [root, iam, ct, other]) client.destroy();
  });
});

describe('keys and role sessions', () => {
  it('refuses an inactive key on every protocol, and takes it back when reactivated', async () => {
    const user = await createUserWithKey(server, 'switched-off', allow(['cloudtrail:DescribeTrails', 'iam:GetUser']));
    const iam = iamClient(server);
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'switched-off', AccessKeyId: user.accessKeyId, Status: 'Inactive' }));
    const ct = trailClient(user);
    expect((await failure(ct.send(new DescribeTrailsCommand({})))).name).toBe('UnrecognizedClientException');
    const own = iamClient(server, user);
    expect((await failure(own.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: user.accessKeyId })))).name).toBe('InvalidClientTokenId');
    const s3 = s3Client(server, { credentials: user });
    expect((await failure(s3.send(new GetObjectCommand({ Bucket: 'audit-logs', Key: 'x' })))).name).toBe('InvalidAccessKeyId');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'switched-off', AccessKeyId: user.accessKeyId, Status: 'Active' }));
    await ct.send(new DescribeTrailsCommand({}));
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: user.accessKeyId }));
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: 'cloudtrail', Region: 'us-east-1' });
    for (const client of [iam, ct, own, s3]) client.destroy();
  });

  it('issues role sessions whose credentials work, with the role\'s permissions, until they expire', async () => {
    const user = await createUserWithKey(server, 'operator', allow('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/trail-reader`));
    const iam = iamClient(server);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }] };
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'trail-reader', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'trail-reader', PolicyName: 'read', PolicyDocument: JSON.stringify(allow(['cloudtrail:LookupEvents', 'cloudtrail:DescribeTrails'])) }));
    const sts = stsClient(server, user);
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'night-shift', DurationSeconds: 900 }));
    const session = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect(assumed.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/trail-reader/night-shift`);
    const me = await stsClient(server, session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(assumed.AssumedRoleUser!.Arn);
    expect(me.UserId).toBe(`${Role!.RoleId}:night-shift`);

    const ct = trailClient(session);
    const events = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }));
    const record = JSON.parse(events.Events![0]!.CloudTrailEvent!);
    expect(record).toMatchObject({ eventSource: 'sts.amazonaws.com', awsRegion: 'us-east-1', userIdentity: { type: 'IAMUser', userName: 'operator' } });
    expect(record.responseElements.credentials.sessionToken).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    expect(JSON.stringify(record)).not.toContain(session.secretAccessKey);
    expect((await failure(ct.send(new UpdateTrailCommand({ Name: 'prod', S3KeyPrefix: 'x' })))).message)
      .toContain(`User: ${assumed.AssumedRoleUser!.Arn} is not authorized to perform: cloudtrail:UpdateTrail`);

    const own = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'night-shift' }] }));
    const sessionRecord = JSON.parse(own.Events![0]!.CloudTrailEvent!);
    expect(sessionRecord.userIdentity).toMatchObject({
      type: 'AssumedRole', arn: assumed.AssumedRoleUser!.Arn, accessKeyId: session.accessKeyId,
      sessionContext: { sessionIssuer: { type: 'Role', arn: Role!.Arn, userName: 'trail-reader' }, attributes: { mfaAuthenticated: 'false' } },
    });

    clock.advance(901_000);
    const late = trailClient(session);
    const expired = await failure(late.send(new DescribeTrailsCommand({})));
    clock.advance(-901_000);
    expect(expired.name).toBe('ExpiredTokenException');
    for (const client of [iam, sts, ct, late]) client.destroy();
  });

  it('narrows a role session to what its session policy also allows', async () => {
    const user = await createUserWithKey(server, 'narrow', allow('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/trail-reader`));
    const iam = iamClient(server);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [user.arn, `arn:aws:iam::${ACCOUNT}:user/operator`] }, Action: 'sts:AssumeRole' }] };
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trail-reader', PolicyDocument: JSON.stringify(trust) }));
    const assumed = await stsClient(server, user).send(new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/trail-reader`, RoleSessionName: 'narrowed', Policy: JSON.stringify(allow('cloudtrail:DescribeTrails')),
    }));
    const ct = trailClient({ accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! });
    await ct.send(new DescribeTrailsCommand({}));
    const err = await failure(ct.send(new LookupEventsCommand({})));
    expect(err.message).toBe(`User: ${assumed.AssumedRoleUser!.Arn} is not authorized to perform: cloudtrail:LookupEvents because no session policy allows the cloudtrail:LookupEvents action`);
    iam.destroy();
    ct.destroy();
  });

  it('allows a session nothing when its session policy ARNs do not resolve, rather than all its role allows', async () => {
    const user = await createUserWithKey(server, 'arn-narrow', allow('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/trail-reader`));
    const iam = iamClient(server);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }] };
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trail-reader', PolicyDocument: JSON.stringify(trust) }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'describe-only', PolicyDocument: JSON.stringify(allow('cloudtrail:DescribeTrails')) }));
    const sessionWith = async (arns: string[]) => {
      const assumed = await stsClient(server, user).send(new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/trail-reader`, RoleSessionName: 'by-arn', PolicyArns: arns.map((arn) => ({ arn })),
      }));
      const { AccessKeyId, SecretAccessKey, SessionToken } = assumed.Credentials!;
      return trailClient({ accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: SessionToken! });
    };
    // An AWS managed policy opentrail does not have, and a policy of the account deleted after the session began.
    const unknown = await sessionWith(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect((await failure(unknown.send(new DescribeTrailsCommand({})))).name).toBe('AccessDeniedException');
    const deleted = await sessionWith([Policy!.Arn!]);
    await deleted.send(new DescribeTrailsCommand({}));
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn! }));
    expect((await failure(deleted.send(new DescribeTrailsCommand({})))).name).toBe('AccessDeniedException');
    for (const client of [iam, unknown, deleted]) client.destroy();
  });

  it('records STS calls in the region they were signed for, as STS\'s regional endpoints are', async () => {
    const regional = new STSClient({ endpoint: server.url, region: 'eu-west-1', credentials: server.credentials, maxAttempts: 1 });
    const { $metadata } = await regional.send(new GetCallerIdentityCommand({}));
    const ct = cloudTrailClient(server, { region: 'eu-west-1' });
    const found = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetCallerIdentity' }] }));
    const record = found.Events!.map((e) => JSON.parse(e.CloudTrailEvent!)).find((r) => r.requestID === $metadata.requestId);
    expect(record).toMatchObject({ eventSource: 'sts.amazonaws.com', awsRegion: 'eu-west-1' });
    regional.destroy();
    ct.destroy();
  });

  it('refuses AssumeRole when the trust policy does not name the caller', async () => {
    const outsider = await createUserWithKey(server, 'outsider', allow('sts:AssumeRole'));
    const sts = stsClient(server, outsider);
    const err = await failure(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/trail-reader`, RoleSessionName: 'try' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain(`User: ${outsider.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/trail-reader`);
    sts.destroy();
  });

  it('gives GetSessionToken credentials the user\'s own permissions', async () => {
    const user = await createUserWithKey(server, 'mfa-less', allow('cloudtrail:DescribeTrails'));
    const token = await stsClient(server, user).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = { accessKeyId: token.Credentials!.AccessKeyId!, secretAccessKey: token.Credentials!.SecretAccessKey!, sessionToken: token.Credentials!.SessionToken! };
    const ct = trailClient(session);
    await ct.send(new DescribeTrailsCommand({}));
    expect((await failure(ct.send(new LookupEventsCommand({})))).name).toBe('AccessDeniedException');
    expect((await failure(iamClient(server, session).send(new GetUserCommand({})))).name).toBe('InvalidClientTokenId');
    expect((await stsClient(server, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(user.arn);
    expect((await failure(stsClient(server, session).send(new GetSessionTokenCommand({})))).name).toBe('InvalidClientTokenId');
    const wrongToken = trailClient({ ...session, sessionToken: 'forged' });
    expect((await failure(wrongToken.send(new DescribeTrailsCommand({})))).name).toBe('UnrecognizedClientException');
    ct.destroy();
    wrongToken.destroy();
  });
});

describe('bucket policies', () => {
  it('grant one user read access to the log bucket, and no one else', async () => {
    const reader = await createUserWithKey(server, 'log-reader');
    const other = await createUserWithKey(server, 'not-a-reader');
    const rootS3 = s3Client(server);
    await rootS3.send(new PutObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/x.json.gz', Body: 'log' }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: reader.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::audit-logs/*' }] };
    await rootS3.send(new PutBucketPolicyCommand({ Bucket: 'audit-logs', Policy: JSON.stringify(policy) }));
    expect(JSON.parse((await rootS3.send(new GetBucketPolicyCommand({ Bucket: 'audit-logs' }))).Policy!)).toEqual(policy);
    const readerS3 = s3Client(server, { credentials: reader });
    const got = await readerS3.send(new GetObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/x.json.gz' }));
    expect(await got.Body!.transformToString()).toBe('log');
    const otherS3 = s3Client(server, { credentials: other });
    const err = await failure(otherS3.send(new GetObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/x.json.gz' })));
    expect(err.name).toBe('AccessDenied');
    const malformed = await failure(rootS3.send(new PutBucketPolicyCommand({ Bucket: 'audit-logs', Policy: '{"Statement": [' })));
    expect(malformed.name).toBe('MalformedPolicy');
    for (const client of [rootS3, readerS3, otherS3]) client.destroy();
  });
});

describe('cross-account bucket policies', () => {
  it('let another account read the log bucket only where the policy grants it, never change the policy', async () => {
    const otherRoot = await addRootAccount(server, '210987654321');
    const rootS3 = s3Client(server);
    await rootS3.send(new PutObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/210987654321/y.json.gz', Body: 'theirs' }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::audit-logs/AWSLogs/210987654321/*' }] };
    await rootS3.send(new PutBucketPolicyCommand({ Bucket: 'audit-logs', Policy: JSON.stringify(policy) }));
    const other = s3Client(server, { credentials: otherRoot });
    expect(await (await other.send(new GetObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/210987654321/y.json.gz' }))).Body!.transformToString()).toBe('theirs');
    expect((await failure(other.send(new GetObjectCommand({ Bucket: 'audit-logs', Key: 'AWSLogs/x.json.gz' })))).name).toBe('AccessDenied');
    expect((await failure(other.send(new GetBucketPolicyCommand({ Bucket: 'audit-logs' })))).name).toBe('AccessDenied');
    const logged = (await server.store.eventFeed.readAfter(0, 100_000)).map((e) => JSON.parse(e.event.json) as Record<string, any>);
    const copies = logged.filter((r) => r.eventName === 'GetObject' && r.requestParameters?.key === 'AWSLogs/210987654321/y.json.gz' && !r.errorCode);
    expect(copies.map((r) => [r.recipientAccountId, r.userIdentity.type])).toEqual([['210987654321', 'Root'], ['123456789012', 'AWSAccount']]);
    expect(copies[1]!.sharedEventID).toBe(copies[0]!.sharedEventID);
    rootS3.destroy();
    other.destroy();
  });

  it('let a user assume a role in another account its trust policy names, recorded in both accounts', async () => {
    const otherRoot = await addRootAccount(server, '210987654322');
    const traveller = await createUserWithKey(server, 'traveller', allow('sts:AssumeRole', 'arn:aws:iam::210987654322:role/visitors'));
    const otherIam = iamClient(server, otherRoot);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: traveller.arn }, Action: 'sts:AssumeRole' }] };
    await otherIam.send(new CreateRoleCommand({ RoleName: 'visitors', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const sts = stsClient(server, traveller);
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::210987654322:role/visitors', RoleSessionName: 'visit' }));
    expect(assumed.AssumedRoleUser!.Arn).toBe('arn:aws:sts::210987654322:assumed-role/visitors/visit');
    const theirs = cloudTrailClient(server, { credentials: otherRoot });
    const found = await theirs.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }));
    const copy = JSON.parse(found.Events![0]!.CloudTrailEvent!);
    expect(copy.userIdentity).toEqual({ type: 'AWSAccount', principalId: expect.stringMatching(/^AIDA/), accountId: ACCOUNT });
    expect(copy.recipientAccountId).toBe('210987654322');
    const ours = cloudTrailClient(server);
    const own = await ours.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'traveller' }] }));
    const original = own.Events!.map((e) => JSON.parse(e.CloudTrailEvent!)).find((r) => r.eventName === 'AssumeRole');
    expect(original.sharedEventID).toBe(copy.sharedEventID);
    for (const client of [otherIam, sts, theirs, ours]) client.destroy();
  });
});

describe('an unauthorized IAM caller', () => {
  it('cannot grant itself permissions', async () => {
    const user = await createUserWithKey(server, 'climber', allow('iam:GetUser'));
    const own = iamClient(server, user);
    const err = await failure(own.send(new PutUserPolicyCommand({ UserName: 'climber', PolicyName: 'all', PolicyDocument: JSON.stringify(allow('*')) })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(`User: ${user.arn} is not authorized to perform: iam:PutUserPolicy on resource: ${user.arn} because no identity-based policy allows the iam:PutUserPolicy action`);
    own.destroy();
  });
});
