// authz_p99_us: what authorizing one request costs with 10 policies attached to the caller (inline, managed and
// group policies, wildcards, conditions, policy variables, one explicit Deny): building the request context and
// evaluating the pre-compiled set, as the edge does per call. Compiling happens when policies change, not per call.
import {
  buildRequestContext,
  compilePolicySet,
  evaluateCompiled,
  parsePolicyDocument,
  type AuthorizationRequest,
  type PolicyDocument,
  type RequestPrincipal,
} from '../../src/domain/policy/index.js';
import { percentile, round } from '../stats.js';

const ACCOUNT = '111122223333';
const TRAIL = (name: string) => `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`;

const statement = (Effect: string, Action: unknown, Resource: unknown, Condition?: unknown) =>
  ({ Effect, Action, Resource, ...(Condition ? { Condition } : {}) });

/** Ten documents as a team's user typically holds them: its own, its managed policies and its groups'. */
const DOCUMENTS: unknown[][] = [
  [statement('Allow', ['cloudtrail:LookupEvents', 'cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*'], '*')],
  [statement('Allow', ['cloudtrail:UpdateTrail', 'cloudtrail:StartLogging', 'cloudtrail:StopLogging'], TRAIL('dev-*'))],
  [statement('Deny', 'cloudtrail:DeleteTrail', TRAIL('prod*'))],
  [statement('Allow', ['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::trail-logs', 'arn:aws:s3:::trail-logs/AWSLogs/*'],
    { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16', '2001:db8::/32'] } })],
  [statement('Allow', 's3:*', 'arn:aws:s3:::home/${aws:username}/*'),
    statement('Allow', 's3:ListBucket', 'arn:aws:s3:::home', { StringLike: { 's3:prefix': ['${aws:username}/*', ''] } })],
  [statement('Deny', '*', '*', { Bool: { 'aws:SecureTransport': 'false' } })],
  [statement('Allow', ['iam:GetUser', 'iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:UpdateAccessKey'],
    `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`)],
  [statement('Allow', 'sts:GetCallerIdentity', '*'), statement('Allow', 'sts:GetSessionToken', '*')],
  [statement('Allow', 'cloudtrail:CreateTrail', TRAIL('*'),
    { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] }, DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } })],
  [statement('Deny', ['iam:*Policy*', 'iam:*Role*', 'iam:*Group*'], '*',
    { StringNotEquals: { 'aws:PrincipalTag/team': 'platform' } })],
];

const REQUESTS: [action: string, resource: string][] = [
  ['cloudtrail:LookupEvents', '*'],
  ['cloudtrail:DescribeTrails', '*'],
  ['cloudtrail:UpdateTrail', TRAIL('dev-a')],
  ['cloudtrail:UpdateTrail', TRAIL('prod')],
  ['cloudtrail:DeleteTrail', TRAIL('prod-eu')],
  ['s3:GetObject', 'arn:aws:s3:::trail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/x.json.gz'],
  ['s3:GetObject', 'arn:aws:s3:::home/alice/notes.txt'],
  ['s3:PutObject', 'arn:aws:s3:::home/bob/notes.txt'],
  ['s3:ListBucket', 'arn:aws:s3:::home'],
  ['iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/alice`],
  ['iam:AttachUserPolicy', `arn:aws:iam::${ACCOUNT}:user/alice`],
  ['sts:GetCallerIdentity', '*'],
  ['cloudtrail:CreateTrail', TRAIL('new')],
];

export function measureAuthorization(samples: number): { authz_p99_us: number; authz_p50_us: number; authz_compile_us: number } {
  const texts = DOCUMENTS.map((Statement) => JSON.stringify({ Version: '2012-10-17', Statement }));
  const load = (): PolicyDocument[] => texts.map((text) => parsePolicyDocument(text, 'identity'));
  const compileTimings: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const start = process.hrtime.bigint();
    compilePolicySet({ identity: load() });
    compileTimings.push(Number(process.hrtime.bigint() - start) / 1e3);
  }
  const compiled = compilePolicySet({ identity: load() });
  const principal: RequestPrincipal = { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, isRoot: false };
  const request = (i: number): AuthorizationRequest => {
    const [action, resource] = REQUESTS[i % REQUESTS.length]!;
    const context = buildRequestContext({
      principal, userId: 'AIDAEXAMPLEALICE', sourceIp: `10.0.${i & 255}.${(i >> 8) & 255}`, now: new Date(),
      region: 'us-east-1', secureTransport: true, userAgent: 'aws-cli/1.40.0',
      extra: action === 's3:ListBucket' ? { 's3:prefix': i % 2 ? 'alice/docs' : 'bob/' } : {},
    });
    return { principal, action, resource, context };
  };
  let allowed = 0;
  for (let i = 0; i < REQUESTS.length; i += 1) if (evaluateCompiled(request(i), compiled).allowed) allowed += 1;
  if (allowed === 0 || allowed === REQUESTS.length) throw new Error(`the benchmark mix should be part allowed; ${allowed} of ${REQUESTS.length} are`);
  for (let i = 0; i < 20_000; i += 1) evaluateCompiled(request(i), compiled);
  const timings: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    evaluateCompiled(request(i), compiled);
    timings.push(Number(process.hrtime.bigint() - start) / 1e3);
  }
  return { authz_p99_us: round(percentile(timings, 99)), authz_p50_us: round(percentile(timings, 50)), authz_compile_us: round(percentile(compileTimings, 50)) };
}
