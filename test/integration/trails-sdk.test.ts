// The trail API through the real AWS SDK v3 against a running server: every trail, selector and tag operation,
// shadow trails seen from another region, home-region rules, the 5-trail limit, every modelled error the
// operations can produce, GetTrailStatus from the stored status, and the record each call leaves in Event History.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AddTagsCommand, CloudTrailClient, CreateTrailCommand, DeleteTrailCommand, DescribeTrailsCommand,
  GetEventSelectorsCommand, GetInsightSelectorsCommand, GetTrailCommand, GetTrailStatusCommand, ListTagsCommand,
  ListTrailsCommand, LookupEventsCommand, PutEventSelectorsCommand, PutInsightSelectorsCommand, RemoveTagsCommand,
  StartLoggingCommand, StopLoggingCommand, UpdateTrailCommand, paginateListTrails, type CreateTrailCommandInput,
  type TrailInfo,
} from '@aws-sdk/client-cloudtrail';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';
import { addRootAccount, type Credentials } from '../support/accounts.js';
import { createBuckets, s3Client } from '../support/s3.js';
import type { CloudTrailRecord } from '../../src/domain/record.js';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const BUCKET = 'trail-logs';
const arnOf = (name: string, region = 'us-east-1', account = ACCOUNT) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;

let server: TestServer;
let us: CloudTrailClient;
let eu: CloudTrailClient;
let other: Credentials;
const clients: CloudTrailClient[] = [];

function client(region: string, credentials?: Credentials): CloudTrailClient {
  const c = cloudTrailClient(server, { region, ...(credentials ? { credentials } : {}) });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  other = await addRootAccount(server, OTHER_ACCOUNT);
  await createBuckets(server, [BUCKET, 'second-logs', 'doomed-logs']);
  await createBuckets(server, ['their-logs'], other);
  us = client('us-east-1');
  eu = client('eu-west-1');
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});
// Every test starts with no trails in the main account, so that the 5-trail limit never carries over.
afterEach(async () => {
  for (const trail of await server.store.trails.listTrails(ACCOUNT)) {
    await server.store.trails.retireTrail(trail.arn, Date.now());
    await server.store.trails.endRetirement(trail.arn);
  }
});

interface Failure {
  name: string;
  message: string;
  status?: number;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}

const create = (input: Partial<CreateTrailCommandInput> & { Name: string }, c = us) =>
  c.send(new CreateTrailCommand({ S3BucketName: BUCKET, ...input }));

/** The records of one operation in a region's Event History, newest first. */
async function recordsOf(eventName: string, c = us): Promise<CloudTrailRecord[]> {
  const page = await c.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }] }));
  return (page.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent!) as CloudTrailRecord);
}

const trailResource = (arn: string, account = ACCOUNT) => [{ accountId: account, type: 'AWS::CloudTrail::Trail', ARN: arn }];

describe('creating, reading, changing and deleting trails', () => {
  it('creates a trail with the defaults and answers with its configuration only', async () => {
    const raw = await rawCloudTrailCall(server, {
      target: 'CloudTrail_20131101.CreateTrail',
      body: JSON.stringify({ Name: 'basic', S3BucketName: BUCKET }),
    });
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual({
      Name: 'basic', S3BucketName: BUCKET, IncludeGlobalServiceEvents: true, IsMultiRegionTrail: false,
      TrailARN: arnOf('basic'), LogFileValidationEnabled: false, IsOrganizationTrail: false,
    });
    const { Trail } = await us.send(new GetTrailCommand({ Name: 'basic' }));
    expect(Trail).toEqual({
      Name: 'basic', S3BucketName: BUCKET, IncludeGlobalServiceEvents: true, IsMultiRegionTrail: false,
      HomeRegion: 'us-east-1', TrailARN: arnOf('basic'), LogFileValidationEnabled: false,
      HasCustomEventSelectors: false, HasInsightSelectors: false, IsOrganizationTrail: false,
    });
    expect((await us.send(new GetTrailCommand({ Name: arnOf('basic') }))).Trail).toEqual(Trail);
  });

  it('keeps every member, in full form: topic ARN, key ARN, CloudWatch Logs pair, prefix, validation, tags', async () => {
    const created = await create({
      Name: 'full', S3KeyPrefix: 'audit/logs', SnsTopicName: 'trail-topic', EnableLogFileValidation: true,
      KmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:CloudTrail/audit:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs`,
      TagsList: [{ Key: 'team', Value: 'security' }, { Key: 'flag' }],
    });
    const expected = {
      Name: 'full', S3BucketName: BUCKET, S3KeyPrefix: 'audit/logs', SnsTopicName: 'trail-topic',
      SnsTopicARN: `arn:aws:sns:us-east-1:${ACCOUNT}:trail-topic`, IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true, TrailARN: arnOf('full'), LogFileValidationEnabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:CloudTrail/audit:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrail_CloudWatchLogs`,
      KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, IsOrganizationTrail: false,
    };
    const { $metadata: _m, ...response } = created;
    expect(response).toEqual(expected);
    expect((await us.send(new GetTrailCommand({ Name: 'full' }))).Trail).toEqual({
      ...expected, HomeRegion: 'us-east-1', HasCustomEventSelectors: false, HasInsightSelectors: false,
    });
    const tags = await us.send(new ListTagsCommand({ ResourceIdList: [arnOf('full')] }));
    expect(tags.ResourceTagList).toEqual([{ ResourceId: arnOf('full'), TagsList: [{ Key: 'team', Value: 'security' }, { Key: 'flag' }] }]);
  });

  it('changes only the members UpdateTrail sends, and clears those sent empty', async () => {
    await create({ Name: 'changing', S3KeyPrefix: 'p', SnsTopicName: 'topic', KmsKeyId: 'alias/trail-key' });
    const updated = await us.send(new UpdateTrailCommand({ Name: 'changing', S3BucketName: 'second-logs', EnableLogFileValidation: true }));
    expect(updated).toMatchObject({
      Name: 'changing', S3BucketName: 'second-logs', S3KeyPrefix: 'p', SnsTopicARN: `arn:aws:sns:us-east-1:${ACCOUNT}:topic`,
      KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/trail-key`, LogFileValidationEnabled: true, TrailARN: arnOf('changing'),
    });
    expect(updated).not.toHaveProperty('HomeRegion');
    const cleared = await us.send(new UpdateTrailCommand({ Name: arnOf('changing'), S3KeyPrefix: '', SnsTopicName: '', KmsKeyId: '' }));
    const { $metadata: _m, ...response } = cleared;
    expect(response).toEqual({
      Name: 'changing', S3BucketName: 'second-logs', IncludeGlobalServiceEvents: true, IsMultiRegionTrail: false,
      TrailARN: arnOf('changing'), LogFileValidationEnabled: true, IsOrganizationTrail: false,
    });
  });

  it('deletes a trail, after which it is unknown', async () => {
    await create({ Name: 'short-lived' });
    const deleted = await us.send(new DeleteTrailCommand({ Name: 'short-lived' }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect(await failure(us.send(new GetTrailCommand({ Name: 'short-lived' })))).toEqual({
      name: 'TrailNotFoundException', status: 400, message: `Unknown trail: short-lived for the user: ${ACCOUNT}`,
    });
    await create({ Name: 'short-lived' });
  });

  it('answers {} to the operations without output', async () => {
    await create({ Name: 'quiet' });
    for (const [target, body] of [
      ['StartLogging', { Name: 'quiet' }], ['StopLogging', { Name: 'quiet' }],
      ['AddTags', { ResourceId: arnOf('quiet'), TagsList: [{ Key: 'k' }] }],
      ['RemoveTags', { ResourceId: arnOf('quiet'), TagsList: [{ Key: 'k' }] }], ['DeleteTrail', { Name: 'quiet' }],
    ] as const) {
      const raw = await rawCloudTrailCall(server, { target: `CloudTrail_20131101.${target}`, body: JSON.stringify(body) });
      expect({ target, status: raw.status, json: raw.json }).toEqual({ target, status: 200, json: {} });
    }
  });
});

describe('logging and GetTrailStatus', () => {
  it('creates trails that do not log, and says only that', async () => {
    await create({ Name: 'idle' });
    const raw = await rawCloudTrailCall(server, { target: 'CloudTrail_20131101.GetTrailStatus', body: '{"Name":"idle"}' });
    expect(raw.json).toEqual({ IsLogging: false });
  });

  it('starts and stops, idempotently, with the times as numbers and the deprecated members as strings', async () => {
    await create({ Name: 'switched' });
    const before = Date.now();
    await us.send(new StartLoggingCommand({ Name: 'switched' }));
    const started = await us.send(new GetTrailStatusCommand({ Name: 'switched' }));
    expect(started.IsLogging).toBe(true);
    const startMs = started.StartLoggingTime!.getTime();
    expect(startMs).toBeGreaterThanOrEqual(before - 1);
    expect(started.TimeLoggingStarted).toBe(new Date(startMs).toISOString().slice(0, 19) + 'Z');
    expect(started.StopLoggingTime).toBeUndefined();

    await us.send(new StartLoggingCommand({ Name: arnOf('switched') }));
    expect((await us.send(new GetTrailStatusCommand({ Name: 'switched' }))).StartLoggingTime).toEqual(started.StartLoggingTime);

    await us.send(new StopLoggingCommand({ Name: 'switched' }));
    await us.send(new StopLoggingCommand({ Name: 'switched' }));
    const raw = await rawCloudTrailCall(server, { target: 'CloudTrail_20131101.GetTrailStatus', body: '{"Name":"switched"}' });
    expect(raw.json).toMatchObject({ IsLogging: false, StartLoggingTime: startMs / 1000 });
    expect(typeof raw.json.StopLoggingTime).toBe('number');
    expect(raw.json.TimeLoggingStopped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(raw.json.TimeLoggingStarted).toBe(started.TimeLoggingStarted);
  });

  it('reports what delivery stored, every member in its model type', async () => {
    await create({ Name: 'delivered' });
    const at = (s: number) => Date.UTC(2025, 5, 1, 12, 0, s) + 250;
    await server.store.trails.updateTrailStatus(arnOf('delivered'), {
      isLogging: true, startLoggingMs: at(0), latestDeliveryMs: at(1), latestDeliveryAttemptMs: at(2),
      latestDeliveryAttemptSucceededMs: at(1), latestDeliveryError: 'NoSuchBucket', latestNotificationMs: at(3),
      latestNotificationAttemptMs: at(4), latestNotificationAttemptSucceededMs: at(3), latestNotificationError: 'Timeout',
      latestDigestDeliveryMs: at(5), latestDigestDeliveryError: 'AccessDenied', stopLoggingMs: at(6),
    });
    const raw = await rawCloudTrailCall(server, { target: 'CloudTrail_20131101.GetTrailStatus', body: '{"Name":"delivered"}' });
    const iso = (s: number) => `2025-06-01T12:00:0${s}Z`;
    expect(raw.json).toEqual({
      IsLogging: true, StartLoggingTime: at(0) / 1000, StopLoggingTime: at(6) / 1000, LatestDeliveryTime: at(1) / 1000,
      LatestDeliveryError: 'NoSuchBucket', LatestNotificationTime: at(3) / 1000, LatestNotificationError: 'Timeout',
      LatestDigestDeliveryTime: at(5) / 1000, LatestDigestDeliveryError: 'AccessDenied',
      LatestDeliveryAttemptTime: iso(2), LatestDeliveryAttemptSucceeded: iso(1), LatestNotificationAttemptTime: iso(4),
      LatestNotificationAttemptSucceeded: iso(3), TimeLoggingStarted: iso(0), TimeLoggingStopped: iso(6),
    });
    const status = await us.send(new GetTrailStatusCommand({ Name: 'delivered' }));
    expect(status.LatestDeliveryTime).toEqual(new Date(at(1)));
  });
});

describe('multi-region trails seen from another region', () => {
  it('shows a multi-region trail as a shadow, with its exact ARN and home region', async () => {
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    await create({ Name: 'only-here' });
    const described = await eu.send(new DescribeTrailsCommand({}));
    expect(described.trailList).toEqual([expect.objectContaining({ Name: 'everywhere', TrailARN: arnOf('everywhere'), HomeRegion: 'us-east-1', IsMultiRegionTrail: true })]);
    expect((await eu.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList).toEqual([]);
    expect((await us.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toEqual(['everywhere', 'only-here']);
    expect((await eu.send(new GetTrailCommand({ Name: 'everywhere' }))).Trail?.HomeRegion).toBe('us-east-1');
    expect((await eu.send(new GetEventSelectorsCommand({ TrailName: 'everywhere' }))).TrailARN).toBe(arnOf('everywhere'));
    expect(await failure(eu.send(new GetTrailCommand({ Name: 'only-here' })))).toMatchObject({ name: 'TrailNotFoundException' });
  });

  it('asks about a shadow\'s status by ARN only', async () => {
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    expect(await failure(eu.send(new GetTrailStatusCommand({ Name: 'everywhere' })))).toEqual({
      name: 'TrailNotFoundException', status: 400, message: `Unknown trail: everywhere for the user: ${ACCOUNT}`,
    });
    expect((await eu.send(new GetTrailStatusCommand({ Name: arnOf('everywhere') }))).IsLogging).toBe(false);
  });

  it('refuses every change outside the home region', async () => {
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    const changes: Array<[string, Promise<unknown>]> = [
      ['UpdateTrail', eu.send(new UpdateTrailCommand({ Name: 'everywhere', S3KeyPrefix: 'x' }))],
      ['DeleteTrail', eu.send(new DeleteTrailCommand({ Name: arnOf('everywhere') }))],
      ['StartLogging', eu.send(new StartLoggingCommand({ Name: 'everywhere' }))],
      ['StopLogging', eu.send(new StopLoggingCommand({ Name: 'everywhere' }))],
      ['PutEventSelectors', eu.send(new PutEventSelectorsCommand({ TrailName: 'everywhere', EventSelectors: [{ ReadWriteType: 'All' }] }))],
      ['PutInsightSelectors', eu.send(new PutInsightSelectorsCommand({ TrailName: 'everywhere', InsightSelectors: [] }))],
    ];
    for (const [operation, call] of changes) {
      const error = await failure(call);
      expect({ operation, name: error.name }).toEqual({ operation, name: 'InvalidHomeRegionException' });
      expect(error.message).toContain('us-east-1');
    }
    for (const call of [
      eu.send(new AddTagsCommand({ ResourceId: arnOf('everywhere'), TagsList: [{ Key: 'k' }] })),
      eu.send(new RemoveTagsCommand({ ResourceId: arnOf('everywhere'), TagsList: [{ Key: 'k' }] })),
    ]) {
      expect(await failure(call)).toMatchObject({ name: 'OperationNotPermittedException' });
    }
    expect((await eu.send(new ListTagsCommand({ ResourceIdList: [arnOf('everywhere')] }))).ResourceTagList).toEqual([
      { ResourceId: arnOf('everywhere'), TagsList: [] },
    ]);
    expect((await us.send(new GetTrailCommand({ Name: 'everywhere' }))).Trail?.S3KeyPrefix).toBeUndefined();
  });

  it('keeps names unique among the trails a region sees', async () => {
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    expect(await failure(create({ Name: 'everywhere' }, eu))).toMatchObject({ name: 'TrailAlreadyExistsException', status: 400 });
    expect(await failure(create({ Name: 'everywhere' }))).toMatchObject({ name: 'TrailAlreadyExistsException' });
    await create({ Name: 'twice' });
    await create({ Name: 'twice' }, eu);
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'twice', IsMultiRegionTrail: true }))))
      .toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(create({ Name: 'twice-more', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false })))
      .toEqual({ name: 'InvalidParameterCombinationException', status: 400, message: 'Multi-Region trail must include global service events.' });
  });

  it('drops the shadows when the trail becomes single-region, and shows them when it becomes multi-region', async () => {
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    await us.send(new UpdateTrailCommand({ Name: 'everywhere', IsMultiRegionTrail: false }));
    expect((await eu.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
    await us.send(new UpdateTrailCommand({ Name: 'everywhere', IsMultiRegionTrail: true }));
    expect((await eu.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN)).toEqual([arnOf('everywhere')]);
  });
});

describe('five trails per region', () => {
  it('refuses a sixth trail in a region, and not in another', async () => {
    for (let i = 0; i < 5; i++) await create({ Name: `trail-${i}` });
    expect(await failure(create({ Name: 'trail-5' }))).toMatchObject({ name: 'MaximumNumberOfTrailsExceededException', status: 400 });
    await create({ Name: 'trail-5' }, eu);
  });

  it('counts a multi-region trail in every region', async () => {
    await create({ Name: 'global', IsMultiRegionTrail: true });
    for (let i = 0; i < 4; i++) await create({ Name: `eu${i}` }, eu);
    expect(await failure(create({ Name: 'eu4' }, eu))).toMatchObject({ name: 'MaximumNumberOfTrailsExceededException' });
    expect(await failure(create({ Name: 'global2', IsMultiRegionTrail: true }))).toMatchObject({ name: 'MaximumNumberOfTrailsExceededException' });
    await create({ Name: 'us-only' });
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'us-only', IsMultiRegionTrail: true }))))
      .toMatchObject({ name: 'InvalidParameterCombinationException' });
  });

  it('holds the limit when creations race: each sees room for one more while the others check their bucket', async () => {
    for (let i = 0; i < 3; i++) await create({ Name: `trail-${i}` });
    const names = ['racer-a', 'racer-b', 'racer-c', 'racer-d'];
    const outcomes = await Promise.allSettled(names.map((Name) => create({ Name })));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Error).name);
    expect(refused).toEqual(['MaximumNumberOfTrailsExceededException', 'MaximumNumberOfTrailsExceededException']);
    expect(await server.store.trails.listTrails(ACCOUNT)).toHaveLength(5);
  });
});

describe('modelled errors', () => {
  const named: Array<[string, (name: string) => Promise<unknown>]> = [
    ['GetTrail', (Name) => us.send(new GetTrailCommand({ Name }))],
    ['UpdateTrail', (Name) => us.send(new UpdateTrailCommand({ Name }))],
    ['DeleteTrail', (Name) => us.send(new DeleteTrailCommand({ Name }))],
    ['GetTrailStatus', (Name) => us.send(new GetTrailStatusCommand({ Name }))],
    ['StartLogging', (Name) => us.send(new StartLoggingCommand({ Name }))],
    ['StopLogging', (Name) => us.send(new StopLoggingCommand({ Name }))],
    ['PutEventSelectors', (TrailName) => us.send(new PutEventSelectorsCommand({ TrailName, EventSelectors: [{}] }))],
    ['GetEventSelectors', (TrailName) => us.send(new GetEventSelectorsCommand({ TrailName }))],
    ['PutInsightSelectors', (TrailName) => us.send(new PutInsightSelectorsCommand({ TrailName, InsightSelectors: [] }))],
    ['GetInsightSelectors', (TrailName) => us.send(new GetInsightSelectorsCommand({ TrailName }))],
  ];
  for (const [operation, call] of named) {
    it(`${operation}: InvalidTrailNameException, CloudTrailARNInvalidException, TrailNotFoundException`, async () => {
      expect(await failure(call('ab'))).toEqual({
        name: 'InvalidTrailNameException', status: 400,
        message: 'Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.',
      });
      expect(await failure(call('my--trail'))).toMatchObject({ name: 'InvalidTrailNameException' });
      expect(await failure(call(`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail`))).toMatchObject({ name: 'CloudTrailARNInvalidException' });
      expect(await failure(call('no-such-trail'))).toEqual({
        name: 'TrailNotFoundException', status: 400, message: `Unknown trail: no-such-trail for the user: ${ACCOUNT}`,
      });
      expect(await failure(call(arnOf('no-such-trail', 'ap-south-1')))).toEqual({
        name: 'TrailNotFoundException', status: 400, message: `Unknown trail: ${arnOf('no-such-trail', 'ap-south-1')} for the user: ${ACCOUNT}`,
      });
    });
  }

  it('CreateTrail: every member\'s own exception', async () => {
    const cases: Array<[Partial<CreateTrailCommandInput>, string]> = [
      [{ Name: '-bad-' }, 'InvalidTrailNameException'],
      [{ Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/x` }, 'InvalidTrailNameException'],
      [{ S3BucketName: 'no-such-bucket' }, 'S3BucketDoesNotExistException'],
      [{ S3BucketName: 'Not_A_Bucket' }, 'InvalidS3BucketNameException'],
      [{ S3BucketName: 'their-logs' }, 'InsufficientS3BucketPolicyException'],
      [{ S3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
      [{ SnsTopicName: 'not a topic' }, 'InvalidSnsTopicNameException'],
      [{ KmsKeyId: 'not-a-key' }, 'InvalidKmsKeyIdException'],
      [{ CloudWatchLogsLogGroupArn: 'group', CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/r` }, 'InvalidCloudWatchLogsLogGroupArnException'],
      [{ CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:g:*` }, 'InvalidCloudWatchLogsRoleArnException'],
      [{ IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false }, 'InvalidParameterCombinationException'],
      [{ IsOrganizationTrail: true }, 'OrganizationsNotInUseException'],
      [{ TagsList: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` })) }, 'TagsLimitExceededException'],
      [{ TagsList: [{ Key: 'k' }, { Key: 'k' }] }, 'InvalidTagParameterException'],
    ];
    for (const [input, code] of cases) {
      const error = await failure(create({ Name: 'refused', ...input }));
      expect({ input, name: error.name, status: error.status }).toEqual({ input, name: code, status: 400 });
    }
    expect(await server.store.trails.listTrails(ACCOUNT)).toEqual([]);
  });

  it('UpdateTrail: the same checks, and a bucket that is gone', async () => {
    await create({ Name: 'target' });
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'target', S3BucketName: 'gone-bucket' })))).toMatchObject({ name: 'S3BucketDoesNotExistException' });
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'target', S3KeyPrefix: 'p'.repeat(201) })))).toMatchObject({ name: 'InvalidS3PrefixException' });
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'target', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false }))))
      .toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(us.send(new UpdateTrailCommand({ Name: 'target', CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/r` }))))
      .toMatchObject({ name: 'InvalidCloudWatchLogsLogGroupArnException' });
  });

  it('DescribeTrails: bad names and ARNs in the list', async () => {
    expect(await failure(us.send(new DescribeTrailsCommand({ trailNameList: ['ab'] })))).toMatchObject({ name: 'InvalidTrailNameException' });
    expect(await failure(us.send(new DescribeTrailsCommand({ trailNameList: ['arn:aws:cloudtrail:x'] })))).toMatchObject({ name: 'CloudTrailARNInvalidException' });
  });

  it('answers another account\'s trail as unknown', async () => {
    await create({ Name: 'mine' });
    const theirs = client('us-east-1', other);
    expect(await failure(theirs.send(new GetTrailCommand({ Name: arnOf('mine') })))).toEqual({
      name: 'TrailNotFoundException', status: 400, message: `Unknown trail: ${arnOf('mine')} for the user: ${OTHER_ACCOUNT}`,
    });
    expect(await failure(theirs.send(new ListTagsCommand({ ResourceIdList: [arnOf('mine')] })))).toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await theirs.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
  });
});

describe('event selectors', () => {
  it('returns the default until selectors are put, then the kind in use', async () => {
    await create({ Name: 'selective' });
    expect(await us.send(new GetEventSelectorsCommand({ TrailName: 'selective' }))).toMatchObject({
      TrailARN: arnOf('selective'),
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
    });
    const basic = [{
      ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true,
      DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::trail-logs/prefix/'] }],
      ExcludeManagementEventSources: ['kms.amazonaws.com'],
    }];
    const put = await us.send(new PutEventSelectorsCommand({ TrailName: 'selective', EventSelectors: basic }));
    expect(put).toMatchObject({ TrailARN: arnOf('selective'), EventSelectors: basic });
    expect(put.AdvancedEventSelectors).toBeUndefined();
    const got = await us.send(new GetEventSelectorsCommand({ TrailName: arnOf('selective') }));
    expect(got.EventSelectors).toEqual(basic);
    expect(got.AdvancedEventSelectors).toBeUndefined();
    expect((await us.send(new GetTrailCommand({ Name: 'selective' }))).Trail?.HasCustomEventSelectors).toBe(true);
  });

  it('round-trips advanced selectors with every operator, replacing basic ones', async () => {
    await create({ Name: 'advanced' });
    await us.send(new PutEventSelectorsCommand({ TrailName: 'advanced', EventSelectors: [{ ReadWriteType: 'ReadOnly' }] }));
    const advanced = [
      { Name: 'management writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] },
      {
        Name: 'some objects',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          {
            Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::trail-logs/'], EndsWith: ['.json', '.gz'],
            NotStartsWith: ['arn:aws:s3:::trail-logs/private/'], NotEndsWith: ['.tmp'],
          },
          { Field: 'eventName', NotEquals: ['GetObject'] },
        ],
      },
    ];
    const put = await us.send(new PutEventSelectorsCommand({ TrailName: 'advanced', AdvancedEventSelectors: advanced }));
    expect(put.AdvancedEventSelectors).toEqual(advanced);
    expect(put.EventSelectors).toBeUndefined();
    const got = await us.send(new GetEventSelectorsCommand({ TrailName: 'advanced' }));
    expect(got.AdvancedEventSelectors).toEqual(advanced);
    expect(got.EventSelectors).toBeUndefined();
  });

  it('refuses invalid selectors and the wrong combinations', async () => {
    await create({ Name: 'strict' });
    const put = (input: object) => us.send(new PutEventSelectorsCommand({ TrailName: 'strict', ...input }));
    expect(await failure(put({ EventSelectors: [{ ReadWriteType: 'Sometimes' }] }))).toMatchObject({ name: 'InvalidEventSelectorsException' });
    expect(await failure(put({ EventSelectors: Array.from({ length: 6 }, () => ({})) }))).toMatchObject({ name: 'InvalidEventSelectorsException' });
    expect(await failure(put({ AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'colour', Equals: ['red'] }] }] })))
      .toMatchObject({ name: 'InvalidEventSelectorsException' });
    expect(await failure(put({}))).toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(put({ EventSelectors: [{}], AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] })))
      .toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect((await us.send(new GetTrailCommand({ Name: 'strict' }))).Trail?.HasCustomEventSelectors).toBe(false);
  });
});

describe('Insights selectors', () => {
  it('stores, returns and turns off Insights, and says when there are none', async () => {
    await create({ Name: 'insightful' });
    expect(await failure(us.send(new GetInsightSelectorsCommand({ TrailName: 'insightful' })))).toMatchObject({ name: 'InsightNotEnabledException' });
    const selectors = [{ InsightType: 'ApiCallRateInsight' as const }, { InsightType: 'ApiErrorRateInsight' as const, EventCategories: ['Management' as const] }];
    const put = await us.send(new PutInsightSelectorsCommand({ TrailName: 'insightful', InsightSelectors: selectors }));
    expect(put).toMatchObject({ TrailARN: arnOf('insightful'), InsightSelectors: selectors });
    expect((await us.send(new GetInsightSelectorsCommand({ TrailName: arnOf('insightful') }))).InsightSelectors).toEqual(selectors);
    expect((await us.send(new GetTrailCommand({ Name: 'insightful' }))).Trail?.HasInsightSelectors).toBe(true);
    await us.send(new PutInsightSelectorsCommand({ TrailName: 'insightful', InsightSelectors: [] }));
    expect((await us.send(new GetTrailCommand({ Name: 'insightful' }))).Trail?.HasInsightSelectors).toBe(false);
    expect(await failure(us.send(new GetInsightSelectorsCommand({ TrailName: 'insightful' })))).toMatchObject({ name: 'InsightNotEnabledException' });
  });

  it('refuses Insights the trail\'s events cannot feed, bad types, and the wrong targets', async () => {
    await create({ Name: 'reads-only' });
    await us.send(new PutEventSelectorsCommand({ TrailName: 'reads-only', EventSelectors: [{ ReadWriteType: 'ReadOnly' }] }));
    const put = (input: object) => us.send(new PutInsightSelectorsCommand({ InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }], ...input }));
    expect(await failure(put({ TrailName: 'reads-only' }))).toMatchObject({ name: 'InvalidInsightSelectorsException' });
    expect(await failure(put({ TrailName: 'reads-only', InsightSelectors: [{ InsightType: 'Guesswork' }] }))).toMatchObject({ name: 'InvalidInsightSelectorsException' });
    expect(await failure(put({}))).toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(put({ TrailName: 'reads-only', EventDataStore: 'eds-1234' }))).toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(put({ EventDataStore: 'eds-1234' }))).toMatchObject({ name: 'UnsupportedOperationException' });
    expect(await failure(us.send(new GetInsightSelectorsCommand({})))).toMatchObject({ name: 'InvalidParameterCombinationException' });
    expect(await failure(us.send(new GetInsightSelectorsCommand({ EventDataStore: 'eds-1234' })))).toMatchObject({ name: 'UnsupportedOperationException' });
  });

  it('needs the trail\'s bucket to turn Insights on', async () => {
    await create({ Name: 'bucketless', S3BucketName: 'doomed-logs' });
    const s3 = s3Client(server);
    await s3.send(new DeleteBucketCommand({ Bucket: 'doomed-logs' }));
    s3.destroy();
    expect(await failure(us.send(new PutInsightSelectorsCommand({ TrailName: 'bucketless', InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }] }))))
      .toMatchObject({ name: 'S3BucketDoesNotExistException' });
  });
});

describe('tags', () => {
  it('adds, replaces, lists in the order asked, and removes', async () => {
    await create({ Name: 'tagged', TagsList: [{ Key: 'env', Value: 'test' }] });
    await create({ Name: 'plain' });
    await us.send(new AddTagsCommand({ ResourceId: arnOf('tagged'), TagsList: [{ Key: 'env', Value: 'prod' }, { Key: 'owner', Value: 'sec' }, { Key: 'bare' }] }));
    const listed = await us.send(new ListTagsCommand({ ResourceIdList: [arnOf('plain'), arnOf('tagged')] }));
    expect(listed.ResourceTagList).toEqual([
      { ResourceId: arnOf('plain'), TagsList: [] },
      { ResourceId: arnOf('tagged'), TagsList: [{ Key: 'env', Value: 'prod' }, { Key: 'owner', Value: 'sec' }, { Key: 'bare' }] },
    ]);
    expect(listed.NextToken).toBeUndefined();
    await us.send(new RemoveTagsCommand({ ResourceId: arnOf('tagged'), TagsList: [{ Key: 'env' }, { Key: 'bare', Value: 'ignored' }] }));
    expect((await us.send(new ListTagsCommand({ ResourceIdList: [arnOf('tagged')] }))).ResourceTagList?.[0]?.TagsList).toEqual([{ Key: 'owner', Value: 'sec' }]);
  });

  it('answers each modelled error of the tag operations', async () => {
    await create({ Name: 'tagged' });
    const add = (ResourceId: string, TagsList = [{ Key: 'k' }]) => us.send(new AddTagsCommand({ ResourceId, TagsList }));
    const cases: Array<[Promise<unknown>, string]> = [
      [add(arnOf('missing')), 'ResourceNotFoundException'],
      [add('tagged'), 'CloudTrailARNInvalidException'],
      [add('ab'), 'InvalidTrailNameException'],
      [add(`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/`), 'CloudTrailARNInvalidException'],
      [add(`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`), 'EventDataStoreNotFoundException'],
      [add('arn:aws:cloudtrail:us-east-1:123:eventdatastore/x'), 'EventDataStoreARNInvalidException'],
      [add('arn:aws:cloudtrail:us-east-1:123:channel/x'), 'ChannelARNInvalidException'],
      [add(`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:channel/01234567-89ab`), 'ResourceNotFoundException'],
      [add('arn:aws:s3:::trail-logs'), 'ResourceTypeNotSupportedException'],
      [add(`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:query/q1`), 'ResourceTypeNotSupportedException'],
      [add(arnOf('tagged'), Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` }))), 'TagsLimitExceededException'],
      [add(arnOf('tagged'), [{ Key: 'k'.repeat(129) }]), 'InvalidTagParameterException'],
      [us.send(new RemoveTagsCommand({ ResourceId: arnOf('missing'), TagsList: [{ Key: 'k' }] })), 'ResourceNotFoundException'],
      [us.send(new RemoveTagsCommand({ ResourceId: arnOf('tagged'), TagsList: [{ Key: '' }] })), 'InvalidTagParameterException'],
      [us.send(new ListTagsCommand({ ResourceIdList: [arnOf('tagged')], NextToken: 'made-up' })), 'InvalidTokenException'],
      [us.send(new ListTagsCommand({ ResourceIdList: Array.from({ length: 21 }, () => arnOf('tagged')) })), 'OperationNotPermittedException'],
      [us.send(new ListTagsCommand({ ResourceIdList: [arnOf('missing')] })), 'ResourceNotFoundException'],
    ];
    for (const [index, [call, code]] of cases.entries()) {
      expect({ index, name: (await failure(call)).name }).toEqual({ index, name: code });
    }
    await add(arnOf('tagged'), Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}` })));
    expect((await failure(add(arnOf('tagged'), [{ Key: 'one-more' }]))).name).toBe('TagsLimitExceededException');
  });
});

describe('listing trails', () => {
  it('lists every trail of the account once, with its home region, a page at a time', async () => {
    const lister = await addRootAccount(server, '333344445555');
    await createBuckets(server, ['lister-logs'], lister);
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-south-1'];
    const expected: TrailInfo[] = [];
    for (const region of regions) {
      const c = client(region, lister);
      for (let i = 0; i < 5; i++) {
        await c.send(new CreateTrailCommand({ Name: `trail-${i}`, S3BucketName: 'lister-logs' }));
        expected.push({ TrailARN: arnOf(`trail-${i}`, region, '333344445555'), Name: `trail-${i}`, HomeRegion: region });
      }
    }
    const c = client('ap-south-1', lister);
    const first = await c.send(new ListTrailsCommand({}));
    expect(first.Trails).toHaveLength(20);
    expect(first.NextToken).toBeTruthy();
    const second = await c.send(new ListTrailsCommand({ NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const listed: TrailInfo[] = [];
    for await (const page of paginateListTrails({ client: c }, {})) listed.push(...(page.Trails ?? []));
    expect(listed).toEqual([...first.Trails!, ...second.Trails!]);
    expect([...listed].sort((a, b) => a.TrailARN!.localeCompare(b.TrailARN!))).toEqual(
      [...expected].sort((a, b) => a.TrailARN!.localeCompare(b.TrailARN!)),
    );
  });

  it('filters DescribeTrails by names of the region\'s trails and by ARNs of any region', async () => {
    await create({ Name: 'here' });
    await create({ Name: 'there' }, eu);
    await create({ Name: 'global', IsMultiRegionTrail: true }, eu);
    const names = async (trailNameList: string[]) =>
      (await us.send(new DescribeTrailsCommand({ trailNameList }))).trailList?.map((t) => t.TrailARN);
    expect(await names(['here', 'there', 'global', 'unknown'])).toEqual([arnOf('here')]);
    expect(await names([arnOf('there', 'eu-west-1'), arnOf('here'), 'here', arnOf('missing')])).toEqual([arnOf('there', 'eu-west-1'), arnOf('here')]);
    expect(await names([arnOf('global', 'eu-west-1')])).toEqual([arnOf('global', 'eu-west-1')]);
    expect((await us.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN)).toEqual([arnOf('global', 'eu-west-1'), arnOf('here')]);
  });
});

describe('the records of trail calls', () => {
  it('records each call with the trail as its resource, and CreateTrail\'s response', async () => {
    await create({ Name: 'recorded', S3KeyPrefix: 'k' });
    await us.send(new StartLoggingCommand({ Name: 'recorded' }));
    await us.send(new GetTrailCommand({ Name: arnOf('recorded') }));
    await us.send(new PutEventSelectorsCommand({ TrailName: 'recorded', EventSelectors: [{ ReadWriteType: 'All' }] }));
    await us.send(new AddTagsCommand({ ResourceId: arnOf('recorded'), TagsList: [{ Key: 'a', Value: 'b' }] }));
    await failure(eu.send(new StopLoggingCommand({ Name: arnOf('recorded') })));

    const [created] = await recordsOf('CreateTrail');
    expect(created).toMatchObject({
      eventSource: 'cloudtrail.amazonaws.com', readOnly: false, awsRegion: 'us-east-1',
      requestParameters: { name: 'recorded', s3BucketName: BUCKET, s3KeyPrefix: 'k' },
      responseElements: {
        name: 'recorded', s3BucketName: BUCKET, s3KeyPrefix: 'k', includeGlobalServiceEvents: true, isMultiRegionTrail: false,
        trailARN: arnOf('recorded'), logFileValidationEnabled: false, isOrganizationTrail: false,
      },
      resources: trailResource(arnOf('recorded')),
    });
    const [started] = await recordsOf('StartLogging');
    expect(started).toMatchObject({ responseElements: null, readOnly: false, resources: trailResource(arnOf('recorded')) });
    const [read] = await recordsOf('GetTrail');
    expect(read).toMatchObject({ responseElements: null, readOnly: true, resources: trailResource(arnOf('recorded')) });
    const [selected] = await recordsOf('PutEventSelectors');
    expect(selected).toMatchObject({
      requestParameters: { trailName: 'recorded', eventSelectors: [{ readWriteType: 'All' }] },
      responseElements: { trailARN: arnOf('recorded'), eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true }] },
      resources: trailResource(arnOf('recorded')),
    });
    const [tagged] = await recordsOf('AddTags');
    expect(tagged).toMatchObject({ resources: trailResource(arnOf('recorded')), responseElements: null });
    const [refused] = await recordsOf('StopLogging', eu);
    expect(refused).toMatchObject({
      awsRegion: 'eu-west-1', errorCode: 'InvalidHomeRegionException', resources: trailResource(arnOf('recorded')),
    });
  });

  it('names a shadow trail by its home ARN, and finds the calls by resource', async () => {
    await create({ Name: 'shadowed', IsMultiRegionTrail: true });
    await eu.send(new GetTrailCommand({ Name: 'shadowed' }));
    const [read] = await recordsOf('GetTrail', eu);
    expect(read!.resources).toEqual(trailResource(arnOf('shadowed')));
    const byResource = await eu.send(new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: arnOf('shadowed') }],
    }));
    expect(byResource.Events?.map((e) => e.EventName)).toContain('GetTrail');
    expect(byResource.Events?.[0]?.Resources).toContainEqual({ ResourceType: 'AWS::CloudTrail::Trail', ResourceName: arnOf('shadowed') });
  });

  it('records every trail operation in Event History', async () => {
    await create({ Name: 'all-calls', IsMultiRegionTrail: true });
    await us.send(new DescribeTrailsCommand({}));
    await us.send(new ListTrailsCommand({}));
    await us.send(new GetTrailStatusCommand({ Name: 'all-calls' }));
    await us.send(new StopLoggingCommand({ Name: 'all-calls' }));
    await us.send(new UpdateTrailCommand({ Name: 'all-calls', S3KeyPrefix: 'x' }));
    await us.send(new GetEventSelectorsCommand({ TrailName: 'all-calls' }));
    await us.send(new PutInsightSelectorsCommand({ TrailName: 'all-calls', InsightSelectors: [{ InsightType: 'ApiErrorRateInsight' }] }));
    await us.send(new GetInsightSelectorsCommand({ TrailName: 'all-calls' }));
    await us.send(new RemoveTagsCommand({ ResourceId: arnOf('all-calls'), TagsList: [{ Key: 'a' }] }));
    await us.send(new ListTagsCommand({ ResourceIdList: [arnOf('all-calls')] }));
    await us.send(new DeleteTrailCommand({ Name: 'all-calls' }));
    for (const operation of [
      'CreateTrail', 'UpdateTrail', 'DeleteTrail', 'GetTrail', 'DescribeTrails', 'ListTrails', 'GetTrailStatus',
      'StartLogging', 'StopLogging', 'PutEventSelectors', 'GetEventSelectors', 'PutInsightSelectors',
      'GetInsightSelectors', 'AddTags', 'RemoveTags', 'ListTags',
    ]) {
      const records = await recordsOf(operation);
      expect({ operation, recorded: records.length > 0 }).toEqual({ operation, recorded: true });
    }
    const [deleted] = await recordsOf('DeleteTrail');
    expect(deleted!.resources).toEqual(trailResource(arnOf('all-calls')));
    const [updated] = await recordsOf('UpdateTrail');
    expect(updated!.responseElements).toMatchObject({ s3KeyPrefix: 'x', trailARN: arnOf('all-calls') });
    const [listed] = await recordsOf('ListTrails');
    expect(listed!.resources).toBeUndefined();
  });
});
