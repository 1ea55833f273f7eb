import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../record.js';
import { makeRecord } from '../../../test/support/records.js';
import type { AdvancedEventSelector, AdvancedFieldSelector } from './advanced-event-selector.js';
import { compileSelectors, matches } from './compile-selectors.js';
import type { EventSelector } from './event-selector.js';
import { defaultTrailSelectors, validatePutEventSelectors, type TrailSelectors } from './trail-selectors.js';
import { validateAdvancedEventSelectors } from './validate-advanced-event-selectors.js';

// ---- records --------------------------------------------------------------------------------------------------
const ACCOUNT = '123456789012';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;

const management = (eventName: string, readOnly: boolean | undefined, eventSource = 'ec2.amazonaws.com') =>
  makeRecord({ eventName, eventSource, readOnly });

const dataEvent = (overrides: Partial<CloudTrailRecord>): CloudTrailRecord =>
  makeRecord({ eventCategory: 'Data', managementEvent: false, ...overrides });

const s3 = (eventName: string, bucket: string, key: string, extra: Partial<CloudTrailRecord> = {}) =>
  dataEvent({
    eventSource: 's3.amazonaws.com', eventName, readOnly: /^(Get|Head|List)/.test(eventName),
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}`, accountId: ACCOUNT },
    ],
    ...extra,
  });

const lambda = (name: string) => dataEvent({
  eventSource: 'lambda.amazonaws.com', eventName: 'Invoke', readOnly: false,
  resources: [{ type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}` }],
});

const dynamo = (table: string) => dataEvent({
  eventSource: 'dynamodb.amazonaws.com', eventName: 'GetItem', readOnly: true,
  resources: [{ type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${table}` }],
});

const snsPublish = dataEvent({
  eventSource: 'sns.amazonaws.com', eventName: 'Publish', readOnly: false,
  resources: [{ type: 'AWS::SNS::Topic', ARN: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts` }],
});

const vpce = (overrides: Partial<CloudTrailRecord> = {}) => makeRecord({
  eventCategory: 'NetworkActivity', eventType: 'AwsVpceEvent', eventSource: 'kms.amazonaws.com', eventName: 'Decrypt',
  vpcEndpointId: 'vpce-1', readOnly: undefined, managementEvent: undefined, ...overrides,
});

const insight: CloudTrailRecord = {
  eventVersion: '1.08', eventTime: '2025-02-10T13:07:00Z', awsRegion: 'us-east-1', eventID: 'i1',
  eventType: 'AwsCloudTrailInsight', eventCategory: 'Insight',
  insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', insightType: 'ApiCallRateInsight' },
};

const auditLog = makeRecord({ eventCategory: 'ActivityAuditLog', eventType: 'ActivityLog', eventSource: 'app.example.com' });

const describeInstances = management('DescribeInstances', true);
const runInstances = management('RunInstances', false);
const serviceEvent = management('SomeServiceEvent', undefined);
const kmsDecrypt = management('Decrypt', true, 'kms.amazonaws.com');
const rdsData = management('ExecuteStatement', false, 'rdsdata.amazonaws.com');

// ---- selectors ------------------------------------------------------------------------------------------------
const basic = (...EventSelectors: EventSelector[]) => validatePutEventSelectors({ EventSelectors });
const advanced = (...AdvancedEventSelectors: AdvancedEventSelector[]) => validatePutEventSelectors({ AdvancedEventSelectors });
const dataResources = (Type: string, ...Values: string[]): EventSelector =>
  ({ IncludeManagementEvents: false, DataResources: [{ Type, Values }] });

const category = (value: string): AdvancedFieldSelector => ({ Field: 'eventCategory', Equals: [value] });
const of = (...FieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector => ({ FieldSelectors });
const s3Objects = (...more: AdvancedFieldSelector[]) =>
  of(category('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, ...more);
const eventName = (operators: Omit<AdvancedFieldSelector, 'Field'>) => s3Objects({ Field: 'eventName', ...operators });

type Case = [string, TrailSelectors, CloudTrailRecord, boolean];

const cases = (rule: string, selectors: TrailSelectors, expected: Array<[string, CloudTrailRecord, boolean]>): Case[] =>
  expected.map(([what, record, result]) => [`${rule}: ${what}`, selectors, record, result]);

// ---- basic selectors (spec §5.1, §5.2) ------------------------------------------------------------------------
const BASIC: Case[] = [
  ...cases('default', defaultTrailSelectors(), [
    ['read management event', describeInstances, true],
    ['write management event', runInstances, true],
    ['S3 data event', s3('GetObject', 'reports', 'q1.csv'), false],
    ['Insights event', insight, false],
    ['network activity event', vpce(), false],
    ['PutAuditEvents event', auditLog, false],
  ]),
  ...cases('ReadOnly', basic({ ReadWriteType: 'ReadOnly' }), [
    ['read', describeInstances, true],
    ['write', runInstances, false],
    ['no readOnly member', serviceEvent, false],
  ]),
  ...cases('WriteOnly', basic({ ReadWriteType: 'WriteOnly' }), [
    ['read', describeInstances, false],
    ['write', runInstances, true],
    ['no readOnly member', serviceEvent, false],
  ]),
  ...cases('All', basic({ ReadWriteType: 'All' }), [['no readOnly member', serviceEvent, true]]),
  ...cases('IncludeManagementEvents false', basic({ IncludeManagementEvents: false }), [
    ['management event', describeInstances, false],
  ]),
  ...cases('ExcludeManagementEventSources', basic({ ExcludeManagementEventSources: ['kms.amazonaws.com'] }), [
    ['excluded KMS', kmsDecrypt, false],
    ['RDS Data, not excluded', rdsData, true],
    ['EC2', describeInstances, true],
  ]),
  ...cases('ExcludeManagementEventSources both', basic({ ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }), [
    ['RDS Data', rdsData, false],
  ]),
  ...cases('S3 all (arn:aws:s3)', basic(dataResources('AWS::S3::Object', 'arn:aws:s3')), [
    ['any bucket', s3('GetObject', 'anything', 'a/b'), true],
    ['management event, excluded by IncludeManagementEvents', describeInstances, false],
    ['Lambda data event', lambda('helloworld'), false],
  ]),
  ...cases('S3 all (arn:aws:s3:::)', basic(dataResources('AWS::S3::Object', 'arn:aws:s3:::')), [
    ['any bucket', s3('PutObject', 'anything', 'k'), true],
  ]),
  ...cases('S3 one bucket', basic(dataResources('AWS::S3::Object', 'arn:aws:s3:::reports/')), [
    ['object in the bucket', s3('GetObject', 'reports', 'q1.csv'), true],
    ['object in another bucket', s3('GetObject', 'media', 'q1.csv'), false],
    ['object in a bucket whose name extends it', s3('GetObject', 'reports-archive', 'q1.csv'), false],
  ]),
  ...cases('S3 key prefix', basic(dataResources('AWS::S3::Object', 'arn:aws:s3:::reports/2025/')), [
    ['key under the prefix', s3('GetObject', 'reports', '2025/q1.csv'), true],
    ['key outside the prefix', s3('GetObject', 'reports', '2024/q1.csv'), false],
  ]),
  ...cases('S3 with ReadOnly', basic({ ...dataResources('AWS::S3::Object', 'arn:aws:s3:::reports/'), ReadWriteType: 'ReadOnly' }), [
    ['GetObject', s3('GetObject', 'reports', 'k'), true],
    ['PutObject', s3('PutObject', 'reports', 'k'), false],
  ]),
  ...cases('Lambda function', basic(dataResources('AWS::Lambda::Function', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:helloworld`)), [
    ['that function', lambda('helloworld'), true],
    ['a function whose name extends it (exact match)', lambda('helloworld2'), false],
    ['S3 data event', s3('GetObject', 'reports', 'k'), false],
  ]),
  ...cases('Lambda all', basic(dataResources('AWS::Lambda::Function', 'arn:aws:lambda')), [
    ['any function', lambda('helloworld2'), true],
  ]),
  ...cases('DynamoDB table', basic(dataResources('AWS::DynamoDB::Table', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`)), [
    ['that table', dynamo('orders'), true],
    ['a table whose name extends it', dynamo('orders-archive'), false],
  ]),
  ...cases('DynamoDB all', basic(dataResources('AWS::DynamoDB::Table', 'arn:aws:dynamodb')), [
    ['any table', dynamo('orders-archive'), true],
    ['an SNS data event', snsPublish, false],
  ]),
  ...cases('S3 resource named by the bucket ARN only', basic(dataResources('AWS::S3::Object', 'arn:aws:s3')), [
    ['record listing just the bucket', dataEvent({ resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::reports' }] }), false],
  ]),
  ...cases('selectors are ORed', basic({ ReadWriteType: 'ReadOnly' }, dataResources('AWS::S3::Object', 'arn:aws:s3:::reports/')), [
    ['read management event (first)', describeInstances, true],
    ['S3 write in the bucket (second)', s3('PutObject', 'reports', 'k'), true],
    ['write management event (neither)', runInstances, false],
  ]),
  ...cases('records older than eventCategory', basic(dataResources('AWS::S3::Object', 'arn:aws:s3')), [
    ['data event marked only by managementEvent', { ...s3('GetObject', 'reports', 'k'), eventCategory: undefined as unknown as string }, true],
  ]),
];

// ---- advanced selectors (spec §5.3) ---------------------------------------------------------------------------
const ADVANCED: Case[] = [
  ...cases('Equals', advanced(eventName({ Equals: ['GetObject', 'DeleteObject'] })), [
    ['first value', s3('GetObject', 'b', 'k'), true],
    ['second value', s3('DeleteObject', 'b', 'k'), true],
    ['neither', s3('PutObject', 'b', 'k'), false],
    ['other case', s3('getobject', 'b', 'k'), false],
  ]),
  ...cases('no wildcards', advanced(eventName({ Equals: ['Get*'] })), [
    ['GetObject against Get*', s3('GetObject', 'b', 'k'), false],
    ['the literal Get*', s3('Get*', 'b', 'k'), true],
  ]),
  ...cases('StartsWith', advanced(eventName({ StartsWith: ['Get', 'Head'] })), [
    ['Get…', s3('GetObjectAcl', 'b', 'k'), true],
    ['Head…', s3('HeadObject', 'b', 'k'), true],
    ['Put…', s3('PutObject', 'b', 'k'), false],
  ]),
  ...cases('EndsWith', advanced(eventName({ EndsWith: ['Object'] })), [
    ['…Object', s3('GetObject', 'b', 'k'), true],
    ['…Acl', s3('GetObjectAcl', 'b', 'k'), false],
  ]),
  ...cases('NotEquals', advanced(eventName({ NotEquals: ['GetObject', 'PutObject'] })), [
    ['first value', s3('GetObject', 'b', 'k'), false],
    ['second value', s3('PutObject', 'b', 'k'), false],
    ['neither', s3('DeleteObject', 'b', 'k'), true],
  ]),
  ...cases('NotStartsWith', advanced(eventName({ NotStartsWith: ['Get', 'Head'] })), [
    ['Get…', s3('GetObject', 'b', 'k'), false],
    ['Head…', s3('HeadObject', 'b', 'k'), false],
    ['Put…', s3('PutObject', 'b', 'k'), true],
  ]),
  ...cases('NotEndsWith', advanced(eventName({ NotEndsWith: ['Acl', 'Tagging'] })), [
    ['…Acl', s3('GetObjectAcl', 'b', 'k'), false],
    ['…Tagging', s3('PutObjectTagging', 'b', 'k'), false],
    ['…Object', s3('GetObject', 'b', 'k'), true],
  ]),
  ...cases('positive and negative operators together (ANDed)', advanced(eventName({ StartsWith: ['Get'], NotEndsWith: ['Acl'] })), [
    ['passes both', s3('GetObject', 'b', 'k'), true],
    ['fails the negative', s3('GetObjectAcl', 'b', 'k'), false],
    ['fails the positive', s3('PutObject', 'b', 'k'), false],
  ]),
  ...cases('two positive operators (ANDed)', advanced(eventName({ StartsWith: ['Get'], EndsWith: ['Acl'] })), [
    ['both', s3('GetObjectAcl', 'b', 'k'), true],
    ['only StartsWith', s3('GetObject', 'b', 'k'), false],
  ]),
  ...cases('field selectors are ANDed', advanced(s3Objects({ Field: 'eventName', Equals: ['GetObject'] }, { Field: 'readOnly', Equals: ['true'] })), [
    ['both hold', s3('GetObject', 'b', 'k'), true],
    ['readOnly fails', s3('GetObject', 'b', 'k', { readOnly: false }), false],
  ]),
  ...cases('resources.type', advanced(of(category('Data'), { Field: 'resources.type', Equals: ['AWS::SNS::Topic'] })), [
    ['SNS event', snsPublish, true],
    ['S3 event', s3('GetObject', 'b', 'k'), false],
    ['management event', runInstances, false],
  ]),
  ...cases('resources.ARN StartsWith', advanced(s3Objects({ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::reports/finance/'] })), [
    ['object under the prefix', s3('GetObject', 'reports', 'finance/q1.csv'), true],
    ['object elsewhere', s3('GetObject', 'reports', 'hr/q1.csv'), false],
  ]),
  ...cases('resources.ARN only looks at the selected type', advanced(s3Objects({ Field: 'resources.ARN', Equals: ['arn:aws:s3:::reports'] })), [
    ['bucket ARN equal, but the bucket is not an AWS::S3::Object', s3('GetObject', 'reports', 'q1.csv'), false],
  ]),
  ...cases('resources.ARN NotStartsWith', advanced(s3Objects({ Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::reports/secret/'] })), [
    ['object outside', s3('GetObject', 'reports', 'public/a'), true],
    ['object inside', s3('GetObject', 'reports', 'secret/a'), false],
  ]),
  ...cases('readOnly Equals false on data events', advanced(s3Objects({ Field: 'readOnly', Equals: ['false'] })), [
    ['write', s3('PutObject', 'b', 'k'), true],
    ['read', s3('GetObject', 'b', 'k'), false],
  ]),
  ...cases('userIdentity.arn', advanced(s3Objects({ Field: 'userIdentity.arn', Equals: [ALICE] })), [
    ['alice', s3('GetObject', 'b', 'k'), true],
    ['bob', s3('GetObject', 'b', 'k', { userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/bob` } }), false],
  ]),
  ...cases('sessionCredentialFromConsole', advanced(s3Objects({ Field: 'sessionCredentialFromConsole', Equals: ['true'] })), [
    ['console session', s3('GetObject', 'b', 'k', { sessionCredentialFromConsole: 'true' }), true],
    ['no console session', s3('GetObject', 'b', 'k'), false],
  ]),
  ...cases('eventSource and eventType on data events', advanced(s3Objects(
    { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }, { Field: 'eventType', Equals: ['AwsApiCall'] },
  )), [
    ['S3 API call', s3('GetObject', 'b', 'k'), true],
    ['S3 service event', s3('GetObject', 'b', 'k', { eventType: 'AwsServiceEvent' }), false],
  ]),
  ...cases('management events', advanced(of(category('Management'))), [
    ['read', describeInstances, true],
    ['write', runInstances, true],
    ['data event', s3('GetObject', 'b', 'k'), false],
    ['Insights event', insight, false],
  ]),
  ...cases('write management events', advanced(of(category('Management'), { Field: 'readOnly', Equals: ['false'] })), [
    ['write', runInstances, true],
    ['read', describeInstances, false],
    ['no readOnly member', serviceEvent, false],
  ]),
  ...cases('management events without KMS', advanced(of(category('Management'), { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] })), [
    ['KMS', kmsDecrypt, false],
    ['EC2', describeInstances, true],
  ]),
  ...cases('network activity', advanced(of(
    category('NetworkActivity'), { Field: 'eventSource', Equals: ['kms.amazonaws.com'] }, { Field: 'errorCode', Equals: ['VpceAccessDenied'] },
  )), [
    ['denied KMS call through an endpoint', vpce({ errorCode: 'VpceAccessDenied' }), true],
    ['allowed KMS call through an endpoint', vpce(), false],
    ['KMS management event', kmsDecrypt, false],
  ]),
  ...cases('a negative operator on a missing field', advanced(of(
    category('NetworkActivity'), { Field: 'eventSource', Equals: ['kms.amazonaws.com'] },
    { Field: 'errorCode', NotEquals: ['VpceAccessDenied'] }, { Field: 'vpcEndpointId', Equals: ['vpce-1'] },
  )), [
    ['no errorCode', vpce(), true],
    ['the excluded errorCode', vpce({ errorCode: 'VpceAccessDenied' }), false],
    ['another endpoint', vpce({ vpcEndpointId: 'vpce-2' }), false],
  ]),
  ...cases('PutAuditEvents events (issue 6)', advanced(of(category('ActivityAuditLog'))), [
    ['audit event', auditLog, true],
    ['management event', describeInstances, false],
  ]),
  ...cases('spec §5.3 example', advanced(
    { Name: 'all-management', FieldSelectors: [category('Management')] },
    {
      Name: 's3-writes-two-prefixes',
      FieldSelectors: [
        category('Data'), { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        { Field: 'eventName', Equals: ['PutObject', 'DeleteObject'] },
        { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::reports-bucket/finance/', 'arn:aws:s3:::media-bucket/uploads/'] },
      ],
    },
  ), [
    ['management read', describeInstances, true],
    ['PutObject under the first prefix', s3('PutObject', 'reports-bucket', 'finance/q1.csv'), true],
    ['DeleteObject under the second prefix', s3('DeleteObject', 'media-bucket', 'uploads/cat.png'), true],
    ['GetObject under a prefix', s3('GetObject', 'reports-bucket', 'finance/q1.csv'), false],
    ['PutObject elsewhere', s3('PutObject', 'reports-bucket', 'hr/q1.csv'), false],
  ]),
];

describe('matches (spec §5)', () => {
  it.each(BASIC)('basic — %s', (_, selectors, record, expected) => {
    expect(matches(selectors, record)).toBe(expected);
  });

  it.each(ADVANCED)('advanced — %s', (_, selectors, record, expected) => {
    expect(matches(selectors, record)).toBe(expected);
  });

  it('reads malformed resources and identities of imported records as absent, never throwing', () => {
    const junk = { resources: [null, 'text', { ARN: 5, type: {} }, { ARN: 'arn:aws:s3:::b/p/k', type: ['AWS::S3::Object'] }] };
    const record = dataEvent({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { type: 'IAMUser', arn: 5 } as never, ...(junk as object) });
    for (const [, selectors] of [...BASIC, ...ADVANCED]) expect(() => matches(selectors, record)).not.toThrow();
    const objectsOfB = ADVANCED.find(([, selectors]) => selectors.kind === 'advanced' && JSON.stringify(selectors).includes('AWS::S3::Object'));
    expect(objectsOfB && matches(objectsOfB[1], record)).toBe(false);
  });

  it('lets event data stores select Insights events by category', () => {
    const store = validateAdvancedEventSelectors([of(category('Insight'))], { owner: 'eventDataStore' });
    const predicate = compileSelectors({ kind: 'advanced', selectors: store });
    expect(predicate(insight)).toBe(true);
    expect(predicate(describeInstances)).toBe(false);
  });
});

// The spec's basic → advanced equivalences (§5.3): both forms must decide every record the same way.
describe('basic and advanced selectors agree where the spec says they are equivalent', () => {
  const corpus = [
    describeInstances, runInstances, serviceEvent, kmsDecrypt, rdsData, insight, auditLog, vpce(), snsPublish,
    lambda('helloworld'), s3('GetObject', 'b', 'p/k'), s3('PutObject', 'b', 'p/k'), s3('GetObject', 'b', 'q/k'),
    s3('GetObject', 'bb', 'p/k'),
  ];
  const pairs: Array<[string, EventSelector, AdvancedEventSelector]> = [
    ['all management events', {}, of(category('Management'))],
    ['read management events', { ReadWriteType: 'ReadOnly' }, of(category('Management'), { Field: 'readOnly', Equals: ['true'] })],
    [
      'write management events without KMS',
      { ReadWriteType: 'WriteOnly', ExcludeManagementEventSources: ['kms.amazonaws.com'] },
      of(category('Management'), { Field: 'readOnly', Equals: ['false'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }),
    ],
    [
      'S3 objects under b/p',
      dataResources('AWS::S3::Object', 'arn:aws:s3:::b/p'),
      s3Objects({ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::b/p'] }),
    ],
  ];

  it.each(pairs)('%s', (_, basicSelector, advancedSelector) => {
    const fromBasic = compileSelectors(basic(basicSelector));
    const fromAdvanced = compileSelectors(advanced(advancedSelector));
    const decisions = corpus.map((record) => [fromBasic(record), fromAdvanced(record)]);
    expect(decisions.map(([b]) => b)).toEqual(decisions.map(([, a]) => a));
    expect(decisions.some(([b]) => b)).toBe(true);
    expect(decisions.some(([b]) => !b)).toBe(true);
  });
});
