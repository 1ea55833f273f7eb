// The trail API through the installed AWS CLI v1, the way users drive it: `aws s3 mb` for the bucket, every trail,
// selector and tag command, shadows seen with `--region`, the CLI's rendering of errors, auto-pagination, and the
// calls found again with `lookup-events`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import type { CliResult } from '../support/run-command.js';
import { cloudTrailClient, rawCloudTrailCall } from '../support/sdk.js';

const ACCOUNT = '123456789012';
const BUCKET = 'cli-trail-logs';
const arnOf = (name: string, region = 'us-east-1') => `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const made = await awsCli(server, ['s3', 'mb', `s3://${BUCKET}`]);
  expect(made.stderr).toBe('');
});
afterAll(async () => server?.close());

/** Runs `aws cloudtrail …` and parses its JSON output; fails the test on a non-zero exit. */
async function cloudtrail(args: readonly string[]): Promise<Record<string, unknown>> {
  const result = await awsCli(server, ['cloudtrail', ...args]);
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' });
  return result.stdout.trim() === '' ? {} : (JSON.parse(result.stdout) as Record<string, unknown>);
}

async function cloudtrailFails(args: readonly string[]): Promise<CliResult> {
  const result = await awsCli(server, ['cloudtrail', ...args]);
  expect(result.code).toBe(255);
  return result;
}

describe('aws cloudtrail trail commands', () => {
  it('creates a multi-region trail that every region sees, and reads it back', async () => {
    const created = await cloudtrail([
      'create-trail', '--name', 'cli-trail', '--s3-bucket-name', BUCKET, '--is-multi-region-trail',
      '--enable-log-file-validation', '--tags-list', 'Key=team,Value=security',
    ]);
    expect(created).toEqual({
      Name: 'cli-trail', S3BucketName: BUCKET, IncludeGlobalServiceEvents: true, IsMultiRegionTrail: true,
      TrailARN: arnOf('cli-trail'), LogFileValidationEnabled: true, IsOrganizationTrail: false,
    });
    const fromEu = await cloudtrail(['describe-trails', '--region', 'eu-west-1']);
    expect(fromEu.trailList).toEqual([{
      ...created, HomeRegion: 'us-east-1', HasCustomEventSelectors: false, HasInsightSelectors: false,
    }]);
    expect((await cloudtrail(['describe-trails', '--no-include-shadow-trails', '--region', 'eu-west-1'])).trailList).toEqual([]);
    const got = await cloudtrail(['get-trail', '--name', 'cli-trail', '--region', 'ap-south-1']);
    expect(got.Trail).toMatchObject({ TrailARN: arnOf('cli-trail'), HomeRegion: 'us-east-1' });
  });

  it('starts and stops logging, and get-trail-status shows numbers and strings as AWS does', async () => {
    expect(await cloudtrail(['get-trail-status', '--name', 'cli-trail'])).toEqual({ IsLogging: false });
    expect(await cloudtrail(['start-logging', '--name', 'cli-trail'])).toEqual({});
    const started = await cloudtrail(['get-trail-status', '--name', arnOf('cli-trail')]);
    expect(started.IsLogging).toBe(true);
    expect(typeof started.StartLoggingTime).toBe('number');
    expect(started.TimeLoggingStarted).toBe(new Date((started.StartLoggingTime as number) * 1000).toISOString().slice(0, 19) + 'Z');
    await cloudtrail(['stop-logging', '--name', 'cli-trail']);
    const stopped = await cloudtrail(['get-trail-status', '--name', 'cli-trail']);
    expect(stopped).toMatchObject({ IsLogging: false, StartLoggingTime: started.StartLoggingTime });
    expect(typeof stopped.StopLoggingTime).toBe('number');
    expect(stopped.TimeLoggingStopped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const shadow = await cloudtrailFails(['get-trail-status', '--name', 'cli-trail', '--region', 'eu-west-1']);
    expect(shadow.stderr).toContain('An error occurred (TrailNotFoundException) when calling the GetTrailStatus operation: Unknown trail: cli-trail for the user: 123456789012');
    expect(await cloudtrail(['get-trail-status', '--name', arnOf('cli-trail'), '--region', 'eu-west-1'])).toMatchObject({ IsLogging: false });
  });

  it('updates what is sent, only in the home region', async () => {
    const updated = await cloudtrail(['update-trail', '--name', 'cli-trail', '--s3-key-prefix', 'audit', '--sns-topic-name', 'trail-news']);
    expect(updated).toMatchObject({ S3KeyPrefix: 'audit', SnsTopicName: 'trail-news', SnsTopicARN: `arn:aws:sns:us-east-1:${ACCOUNT}:trail-news`, LogFileValidationEnabled: true });
    const cleared = await cloudtrail(['update-trail', '--name', 'cli-trail', '--sns-topic-name', '']);
    expect(cleared).not.toHaveProperty('SnsTopicARN');
    const elsewhere = await cloudtrailFails(['update-trail', '--name', 'cli-trail', '--s3-key-prefix', 'x', '--region', 'eu-west-1']);
    expect(elsewhere.stderr).toContain('An error occurred (InvalidHomeRegionException) when calling the UpdateTrail operation:');
    for (const command of ['start-logging', 'stop-logging', 'delete-trail']) {
      const refused = await cloudtrailFails([command, '--name', 'cli-trail', '--region', 'eu-west-1']);
      expect(refused.stderr).toContain('(InvalidHomeRegionException)');
    }
  });

  it('round-trips basic and advanced event selectors and Insights selectors', async () => {
    const basic = [{
      ReadWriteType: 'WriteOnly', IncludeManagementEvents: true,
      DataResources: [{ Type: 'AWS::S3::Object', Values: [`arn:aws:s3:::${BUCKET}/`] }], ExcludeManagementEventSources: [],
    }];
    expect(await cloudtrail(['put-event-selectors', '--trail-name', 'cli-trail', '--event-selectors', JSON.stringify(basic)]))
      .toEqual({ TrailARN: arnOf('cli-trail'), EventSelectors: basic });
    expect(await cloudtrail(['get-event-selectors', '--trail-name', 'cli-trail'])).toEqual({ TrailARN: arnOf('cli-trail'), EventSelectors: basic });
    const advanced = [
      { Name: 'management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      {
        Name: 'objects of one prefix',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: [`arn:aws:s3:::${BUCKET}/audit/`] },
        ],
      },
    ];
    await cloudtrail(['put-event-selectors', '--trail-name', arnOf('cli-trail'), '--advanced-event-selectors', JSON.stringify(advanced)]);
    expect(await cloudtrail(['get-event-selectors', '--trail-name', 'cli-trail', '--region', 'eu-west-1']))
      .toEqual({ TrailARN: arnOf('cli-trail'), AdvancedEventSelectors: advanced });
    const refused = await cloudtrailFails(['put-event-selectors', '--trail-name', 'cli-trail', '--event-selectors', '[{"ReadWriteType":"Never"}]']);
    expect(refused.stderr).toContain('(InvalidEventSelectorsException)');

    expect((await cloudtrailFails(['get-insight-selectors', '--trail-name', 'cli-trail'])).stderr).toContain('(InsightNotEnabledException)');
    const insights = [{ InsightType: 'ApiErrorRateInsight' }];
    expect(await cloudtrail(['put-insight-selectors', '--trail-name', 'cli-trail', '--insight-selectors', JSON.stringify(insights)]))
      .toEqual({ TrailARN: arnOf('cli-trail'), InsightSelectors: insights });
    expect(await cloudtrail(['get-insight-selectors', '--trail-name', 'cli-trail'])).toEqual({ TrailARN: arnOf('cli-trail'), InsightSelectors: insights });
    expect((await cloudtrail(['get-trail', '--name', 'cli-trail'])).Trail).toMatchObject({ HasCustomEventSelectors: true, HasInsightSelectors: true });
  });

  it('adds, lists and removes tags', async () => {
    await cloudtrail(['add-tags', '--resource-id', arnOf('cli-trail'), '--tags-list', 'Key=env,Value=test', 'Key=bare']);
    expect(await cloudtrail(['list-tags', '--resource-id-list', arnOf('cli-trail')])).toEqual({
      ResourceTagList: [{ ResourceId: arnOf('cli-trail'), TagsList: [{ Key: 'team', Value: 'security' }, { Key: 'env', Value: 'test' }, { Key: 'bare' }] }],
    });
    await cloudtrail(['remove-tags', '--resource-id', arnOf('cli-trail'), '--tags-list', 'Key=team', 'Key=bare']);
    expect(await cloudtrail(['list-tags', '--resource-id-list', arnOf('cli-trail')])).toEqual({
      ResourceTagList: [{ ResourceId: arnOf('cli-trail'), TagsList: [{ Key: 'env', Value: 'test' }] }],
    });
    const byName = await cloudtrailFails(['add-tags', '--resource-id', 'cli-trail', '--tags-list', 'Key=a']);
    expect(byName.stderr).toContain('An error occurred (CloudTrailARNInvalidException) when calling the AddTags operation:');
    const unknown = await cloudtrailFails(['list-tags', '--resource-id-list', arnOf('nothing-here')]);
    expect(unknown.stderr).toContain('(ResourceNotFoundException)');
  });

  it('prints the modelled errors the way the CLI prints AWS\'s', async () => {
    const missing = await cloudtrailFails(['get-trail', '--name', 'no-such-trail']);
    expect(missing.stderr.trim()).toBe(
      'An error occurred (TrailNotFoundException) when calling the GetTrail operation: Unknown trail: no-such-trail for the user: 123456789012',
    );
    const short = await cloudtrailFails(['create-trail', '--name', 'ab', '--s3-bucket-name', BUCKET]);
    expect(short.stderr.trim()).toBe(
      'An error occurred (InvalidTrailNameException) when calling the CreateTrail operation: Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.',
    );
    const noBucket = await cloudtrailFails(['create-trail', '--name', 'bucketless', '--s3-bucket-name', 'never-made-bucket']);
    expect(noBucket.stderr).toContain('(S3BucketDoesNotExistException)');
    const badArn = await cloudtrailFails(['delete-trail', '--name', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/']);
    expect(badArn.stderr).toContain('(CloudTrailARNInvalidException)');
    const duplicate = await cloudtrailFails(['create-trail', '--name', 'cli-trail', '--s3-bucket-name', BUCKET, '--region', 'eu-west-1']);
    expect(duplicate.stderr).toContain('(TrailAlreadyExistsException)');
    const combination = await cloudtrailFails([
      'create-trail', '--name', 'odd-trail', '--s3-bucket-name', BUCKET, '--is-multi-region-trail', '--no-include-global-service-events',
    ]);
    expect(combination.stderr).toContain('(InvalidParameterCombinationException) when calling the CreateTrail operation: Multi-Region trail must include global service events.');
  });

  it('refuses a sixth trail in a region, counting the multi-region trail', async () => {
    for (let i = 1; i <= 4; i++) await cloudtrail(['create-trail', '--name', `ap-trail-${i}`, '--s3-bucket-name', BUCKET, '--region', 'ap-south-1']);
    const sixth = await cloudtrailFails(['create-trail', '--name', 'ap-trail-5', '--s3-bucket-name', BUCKET, '--region', 'ap-south-1']);
    expect(sixth.stderr).toContain('(MaximumNumberOfTrailsExceededException)');
  });

  it('lists every trail with auto-pagination', async () => {
    // Four per region: each region also sees the multi-region cli-trail.
    for (const region of ['us-west-2', 'eu-central-1', 'eu-north-1', 'sa-east-1']) {
      const sdk = cloudTrailClient(server, { region });
      try {
        for (let i = 0; i < 4; i++) await sdk.send(new CreateTrailCommand({ Name: `${region}-${i}`, S3BucketName: BUCKET }));
      } finally {
        sdk.destroy();
      }
    }
    const listed = (await cloudtrail(['list-trails'])).Trails as Array<{ TrailARN: string; Name: string; HomeRegion: string }>;
    expect(listed.length).toBeGreaterThan(20);
    expect(new Set(listed.map((t) => t.TrailARN)).size).toBe(listed.length);
    expect(listed).toContainEqual({ TrailARN: arnOf('us-west-2-0', 'us-west-2'), Name: 'us-west-2-0', HomeRegion: 'us-west-2' });
    expect(listed).toContainEqual({ TrailARN: arnOf('ap-trail-1', 'ap-south-1'), Name: 'ap-trail-1', HomeRegion: 'ap-south-1' });
    const paged = (await cloudtrail(['list-trails', '--max-items', '7'])) as { Trails: unknown[]; NextToken: string };
    expect(paged.Trails).toHaveLength(7);
    const rest = (await cloudtrail(['list-trails', '--starting-token', paged.NextToken])).Trails as unknown[];
    expect([...paged.Trails, ...rest]).toEqual(listed);
  });

  it('finds every call on the trail with lookup-events, with the trail as its resource', async () => {
    await cloudtrail(['delete-trail', '--name', 'cli-trail']);
    const byResource = await cloudtrail([
      'lookup-events', '--lookup-attributes', `AttributeKey=ResourceName,AttributeValue=${arnOf('cli-trail')}`,
    ]);
    const events = byResource.Events as Array<{ EventName: string; CloudTrailEvent: string; Resources: unknown[] }>;
    const names = new Set(events.map((e) => e.EventName));
    for (const operation of [
      'CreateTrail', 'GetTrail', 'GetTrailStatus', 'StartLogging', 'StopLogging', 'UpdateTrail', 'PutEventSelectors',
      'GetEventSelectors', 'PutInsightSelectors', 'GetInsightSelectors', 'AddTags', 'RemoveTags', 'ListTags', 'DeleteTrail',
    ]) {
      expect({ operation, found: names.has(operation) }).toEqual({ operation, found: true });
    }
    const created = JSON.parse(events.find((e) => e.EventName === 'CreateTrail')!.CloudTrailEvent);
    expect(created).toMatchObject({
      userAgent: expect.stringMatching(/^aws-cli\//),
      resources: [{ accountId: ACCOUNT, type: 'AWS::CloudTrail::Trail', ARN: arnOf('cli-trail') }],
      responseElements: { name: 'cli-trail', trailARN: arnOf('cli-trail'), isMultiRegionTrail: true },
    });
    const fromEu = await cloudtrail(['lookup-events', '--region', 'eu-west-1', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=DescribeTrails']);
    expect((fromEu.Events as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('aws cloudtrail, edge cases found in review', () => {
  it('reaches a trail by the ARN it was given in any region the request was signed for (--region local)', async () => {
    const created = await cloudtrail(['--region', 'local', 'create-trail', '--name', 'loc', '--s3-bucket-name', BUCKET]);
    const arn = created.TrailARN as string;
    expect(arn).toBe(arnOf('loc', 'local'));
    expect(((await cloudtrail(['--region', 'local', 'get-trail', '--name', arn])).Trail as Record<string, unknown>).Name).toBe('loc');
    await cloudtrail(['--region', 'local', 'add-tags', '--resource-id', arn, '--tags-list', 'Key=a,Value=b']);
    expect((await cloudtrail(['--region', 'local', 'describe-trails', '--trail-name-list', arn])).trailList).toHaveLength(1);
    await cloudtrail(['--region', 'local', 'delete-trail', '--name', arn]);
  });

  it('leaves a multi-region trail out of another region\'s describe-trails --no-include-shadow-trails, also when listed', async () => {
    await cloudtrail(['create-trail', '--name', 'everywhere', '--s3-bucket-name', BUCKET, '--is-multi-region-trail']);
    const listed = ['describe-trails', '--trail-name-list', arnOf('everywhere')];
    expect((await cloudtrail(['--region', 'us-west-2', ...listed])).trailList).toHaveLength(1);
    expect((await cloudtrail(['--region', 'us-west-2', ...listed, '--no-include-shadow-trails'])).trailList).toEqual([]);
    expect((await cloudtrail(['--region', 'us-east-1', ...listed, '--no-include-shadow-trails'])).trailList).toHaveLength(1);
    await cloudtrail(['delete-trail', '--name', 'everywhere']);
  });

  it('refuses a time beyond what a date can hold rather than answering an empty page', async () => {
    // The CLI will not send such a time itself: the call is signed by hand, as another client might send it.
    const failed = await rawCloudTrailCall(server, {
      target: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents', body: JSON.stringify({ EndTime: 1e13 }),
    });
    expect({ status: failed.status, type: failed.json.__type }).toEqual({ status: 400, type: 'SerializationException' });
  });
});
