import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, ContextValue, PolicySet, RequestPrincipal } from './authorization.js';
import { compilePolicySet, evaluate, evaluateCompiled } from './evaluate.js';
import { parsePolicyDocument } from './parse-policy-document.js';
import type { PolicyDocument, PolicyKind } from './policy-document.js';

const A = '111122223333';
const B = '444455556666';
const alice: RequestPrincipal = { arn: `arn:aws:iam::${A}:user/alice`, accountId: A, isRoot: false };
const bob: RequestPrincipal = { arn: `arn:aws:iam::${B}:user/bob`, accountId: B, isRoot: false };
const rootA: RequestPrincipal = { arn: `arn:aws:iam::${A}:root`, accountId: A, isRoot: true };
const rootB: RequestPrincipal = { arn: `arn:aws:iam::${B}:root`, accountId: B, isRoot: true };
const session: RequestPrincipal = {
  arn: `arn:aws:sts::${A}:assumed-role/auditor/s1`, accountId: A, isRoot: false, roleArn: `arn:aws:iam::${A}:role/auditor`,
};
const cloudtrailService: RequestPrincipal = {
  arn: 'cloudtrail.amazonaws.com', accountId: A, isRoot: false, service: 'cloudtrail.amazonaws.com',
};

type Statement = Record<string, unknown>;
const doc = (kind: PolicyKind, ...Statement: Statement[]): PolicyDocument =>
  parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement }), kind);
const identity = (...s: Statement[]) => doc('identity', ...s);
const allow = (Action: unknown, Resource: unknown = '*', extra: Statement = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = '*', extra: Statement = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });

const BUCKET = 'arn:aws:s3:::logs/AWSLogs/x.json.gz';
const TRAIL = (name: string, account = A) => `arn:aws:cloudtrail:us-east-1:${account}:trail/${name}`;

function request(principal: RequestPrincipal, action: string, resource = '*', more: Partial<AuthorizationRequest> = {}, context: Record<string, ContextValue> = {}): AuthorizationRequest {
  return { principal, action, resource, context: new Map(Object.entries(context)), ...more };
}

/** Both entry points must agree on every case. */
function decide(req: AuthorizationRequest, policies: PolicySet) {
  const direct = evaluate(req, policies);
  expect(evaluateCompiled(req, compilePolicySet(policies))).toEqual(direct);
  return direct;
}

const ALLOWED = { allowed: true };
const implicit = (via: string) => ({ allowed: false, reason: 'implicit-deny', via });
const explicit = (via: string) => ({ allowed: false, reason: 'explicit-deny', via });

describe('actions', () => {
  it.each([
    ['exact, any case', 'cloudtrail:LookupEvents', 'CloudTrail:lookupevents', true],
    ['another action', 'cloudtrail:LookupEvents', 'cloudtrail:DescribeTrails', false],
    ['service wildcard', 'cloudtrail:*', 'cloudtrail:DeleteTrail', true],
    ['service wildcard, other service', 'cloudtrail:*', 's3:GetObject', false],
    ['prefix wildcard', 'cloudtrail:Describe*', 'cloudtrail:DescribeTrails', true],
    ['prefix wildcard, case folded', 'CLOUDTRAIL:describe*', 'cloudtrail:DescribeTrails', true],
    ['prefix wildcard, no match', 'cloudtrail:Describe*', 'cloudtrail:DeleteTrail', false],
    ['infix wildcard', 'cloudtrail:*Trail*', 'cloudtrail:GetTrailStatus', true],
    ['single character', 'cloudtrail:?etTrail', 'cloudtrail:GetTrail', true],
    ['single character is exactly one', 'cloudtrail:?etTrail', 'cloudtrail:GGetTrail', false],
    ['everything', '*', 'iam:CreateUser', true],
    ['a list', ['s3:GetObject', 'cloudtrail:Get*'], 'cloudtrail:GetTrail', true],
    ['no partial match', 'cloudtrail:Get', 'cloudtrail:GetTrail', false],
  ])('Action %s', (_, Action, action, allowed) => {
    expect(decide(request(alice, action), { identity: [identity(allow(Action))] }).allowed).toBe(allowed);
  });

  it('NotAction allows every action but those listed', () => {
    const policies = { identity: [identity({ Effect: 'Allow', NotAction: ['iam:*', 'sts:*'], Resource: '*' })] };
    expect(decide(request(alice, 'cloudtrail:LookupEvents'), policies)).toEqual(ALLOWED);
    expect(decide(request(alice, 'iam:CreateUser'), policies)).toEqual(implicit('identity'));
  });
});

describe('resources', () => {
  it.each([
    ['exact', TRAIL('dev-a'), TRAIL('dev-a'), true],
    ['exact, case differs', TRAIL('Dev-a'), TRAIL('dev-a'), false],
    ['trailing wildcard', TRAIL('dev-*'), TRAIL('dev-a'), true],
    ['trailing wildcard, other name', TRAIL('dev-*'), TRAIL('prod'), false],
    ['region wildcard', `arn:aws:cloudtrail:*:${A}:trail/x`, TRAIL('x'), true],
    ['region wildcard stays in its segment', 'arn:aws:cloudtrail:*:trail/*', TRAIL('x'), false],
    ['account wildcard', 'arn:aws:cloudtrail:us-east-1:*:trail/x', TRAIL('x', B), true],
    ['single-character region', `arn:aws:cloudtrail:us-east-?:${A}:trail/x`, TRAIL('x'), true],
    ['resource part spans slashes', 'arn:aws:s3:::logs/*', BUCKET, true],
    ['resource part, other bucket', 'arn:aws:s3:::other/*', BUCKET, false],
    ['bucket alone is not its objects', 'arn:aws:s3:::logs', BUCKET, false],
    ['short ARN with trailing wildcard', 'arn:aws:s3:*', BUCKET, true],
    ['everything', '*', TRAIL('x'), true],
    ['a list', [TRAIL('a'), TRAIL('x')], TRAIL('x'), true],
    ['"*" resource only matches "*" patterns', TRAIL('*'), '*', false],
    ['action without resources', '*', '*', true],
  ])('Resource %s', (_, Resource, resource, allowed) => {
    expect(decide(request(alice, 'cloudtrail:UpdateTrail', resource), { identity: [identity(allow('cloudtrail:*', Resource))] }).allowed)
      .toBe(allowed);
  });

  it('NotResource allows every resource but those listed', () => {
    const policies = { identity: [identity({ Effect: 'Allow', Action: 'cloudtrail:*', NotResource: TRAIL('prod') })] };
    expect(decide(request(alice, 'cloudtrail:UpdateTrail', TRAIL('dev')), policies)).toEqual(ALLOWED);
    expect(decide(request(alice, 'cloudtrail:UpdateTrail', TRAIL('prod')), policies)).toEqual(implicit('identity'));
  });

  it('substitutes policy variables, literally, in 2012-10-17 documents only', () => {
    const statement = allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*');
    const ctx = { 'aws:username': 'alice' };
    const policies = { identity: [identity(statement)] };
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/notes', {}, ctx), policies)).toEqual(ALLOWED);
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/bob/notes', {}, ctx), policies).allowed).toBe(false);
    expect(decide(request(session, 's3:GetObject', 'arn:aws:s3:::home/s1/notes', {}, {}), policies).allowed).toBe(false);
    const wild = { 'aws:username': 'a*' };
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/notes', {}, wild), policies).allowed).toBe(false);
    const legacy = parsePolicyDocument(JSON.stringify({ Version: '2008-10-17', Statement: [statement] }), 'identity');
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/notes', {}, ctx), { identity: [legacy] }).allowed).toBe(false);
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/${aws:username}/x', {}, ctx), { identity: [legacy] }).allowed).toBe(true);
  });

  it('derives the principal keys a context lacks, and prefers those it carries', () => {
    const policies = { identity: [identity(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*', {
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' }, StringEquals: { 'aws:PrincipalAccount': A } },
    }))] };
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/notes'), policies)).toEqual(ALLOWED);
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/notes', {}, { 'AWS:USERNAME': 'bob' }), policies).allowed).toBe(false);
    const roleWide = { identity: [identity(allow('s3:*', '*', { Condition: { StringEquals: { 'aws:PrincipalArn': session.roleArn, 'aws:PrincipalType': 'AssumedRole' } } }))] };
    expect(decide(request(session, 's3:GetObject', BUCKET), roleWide)).toEqual(ALLOWED);
    expect(decide(request(alice, 's3:GetObject', BUCKET), roleWide).allowed).toBe(false);
  });

  it('takes a default for an absent variable, and the escapes ${*} ${?} ${$}', () => {
    const policies = { identity: [identity(allow('s3:GetObject', "arn:aws:s3:::home/${aws:username, 'shared'}/${*}"))] };
    expect(decide(request(session, 's3:GetObject', 'arn:aws:s3:::home/shared/*'), policies)).toEqual(ALLOWED);
    expect(decide(request(session, 's3:GetObject', 'arn:aws:s3:::home/shared/x'), policies).allowed).toBe(false);
    expect(decide(request(alice, 's3:GetObject', 'arn:aws:s3:::home/alice/*'), policies)).toEqual(ALLOWED);
  });
});

describe('precedence', () => {
  it('implicitly denies what no policy allows', () => {
    expect(decide(request(alice, 'cloudtrail:LookupEvents'), { identity: [] })).toEqual(implicit('identity'));
  });

  it('an explicit Deny wins over an Allow, whichever policy holds them', () => {
    const group = identity(allow('cloudtrail:*'));
    const user = identity(deny('cloudtrail:DeleteTrail', TRAIL('prod')));
    expect(decide(request(alice, 'cloudtrail:DeleteTrail', TRAIL('prod')), { identity: [group, user] })).toEqual(explicit('identity'));
    expect(decide(request(alice, 'cloudtrail:DeleteTrail', TRAIL('dev')), { identity: [group, user] })).toEqual(ALLOWED);
  });

  it('a Deny inside the same document wins too, wherever it stands', () => {
    const both = identity(deny('cloudtrail:*'), allow('cloudtrail:LookupEvents'));
    expect(decide(request(alice, 'cloudtrail:LookupEvents'), { identity: [both] })).toEqual(explicit('identity'));
  });

  it('a Deny whose condition does not hold does not apply', () => {
    const policies = {
      identity: [identity(allow('cloudtrail:*'), deny('cloudtrail:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))],
    };
    expect(decide(request(alice, 'cloudtrail:LookupEvents', '*', {}, { 'aws:SecureTransport': 'true' }), policies)).toEqual(ALLOWED);
    expect(decide(request(alice, 'cloudtrail:LookupEvents', '*', {}, { 'aws:SecureTransport': 'false' }), policies)).toEqual(explicit('identity'));
  });

  it('the root user may do anything in its account without policies', () => {
    expect(decide(request(rootA, 'cloudtrail:DeleteTrail', TRAIL('prod')), { identity: [] })).toEqual(ALLOWED);
  });

  it('but not against a resource policy explicit Deny', () => {
    const bucket = doc('resource', deny('s3:DeleteObject', 'arn:aws:s3:::logs/*', { Principal: '*' }));
    expect(decide(request(rootA, 's3:DeleteObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(explicit('resource'));
    expect(decide(request(rootA, 's3:GetObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(ALLOWED);
  });

  it('the root user of another account needs the resource policy', () => {
    const req = request(rootB, 's3:GetObject', BUCKET, { resourceAccountId: A });
    expect(decide(req, { identity: [] })).toEqual(implicit('resource'));
    const bucket = doc('resource', allow('s3:GetObject', 'arn:aws:s3:::logs/*', { Principal: { AWS: B } }));
    expect(decide(req, { identity: [], resource: [bucket] })).toEqual(ALLOWED);
  });
});

describe('resource policies', () => {
  const grant = (Principal: unknown, Action = 's3:GetObject') => doc('resource', allow(Action, 'arn:aws:s3:::logs/*', { Principal }));

  it('a grant naming the user allows it in the same account without an identity policy', () => {
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [], resource: [grant({ AWS: alice.arn })] })).toEqual(ALLOWED);
  });

  it('a grant to "*" allows anyone in the same account', () => {
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [], resource: [grant('*')] })).toEqual(ALLOWED);
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [], resource: [grant({ AWS: '*' })] })).toEqual(ALLOWED);
  });

  it('a grant naming only the account defers to the identity policies', () => {
    const policies = { identity: [], resource: [grant({ AWS: `arn:aws:iam::${A}:root` })] };
    expect(decide(request(alice, 's3:GetObject', BUCKET), policies)).toEqual(implicit('identity'));
    expect(decide(request(alice, 's3:GetObject', BUCKET), { ...policies, identity: [identity(allow('s3:GetObject'))] })).toEqual(ALLOWED);
  });

  it('a grant to someone else does not allow', () => {
    const other = { arn: `arn:aws:iam::${A}:user/carol`, accountId: A, isRoot: false };
    expect(decide(request(other, 's3:GetObject', BUCKET), { identity: [], resource: [grant({ AWS: alice.arn })] }))
      .toEqual(implicit('identity'));
  });

  it('an identity Allow suffices in the same account without a resource grant', () => {
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [identity(allow('s3:*'))], resource: [grant({ AWS: bob.arn })] }))
      .toEqual(ALLOWED);
  });

  it('across accounts both the resource and the identity policy must allow', () => {
    const cross = request(bob, 's3:GetObject', BUCKET, { resourceAccountId: A });
    const bobMayRead = identity(allow('s3:GetObject'));
    expect(decide(cross, { identity: [bobMayRead] })).toEqual(implicit('resource'));
    expect(decide(cross, { identity: [], resource: [grant({ AWS: bob.arn })] })).toEqual(implicit('identity'));
    expect(decide(cross, { identity: [bobMayRead], resource: [grant({ AWS: bob.arn })] })).toEqual(ALLOWED);
    expect(decide(cross, { identity: [bobMayRead], resource: [grant({ AWS: B })] })).toEqual(ALLOWED);
    expect(decide(cross, { identity: [bobMayRead], resource: [grant('*')] })).toEqual(ALLOWED);
    expect(decide(cross, { identity: [bobMayRead], resource: [grant({ AWS: A })] })).toEqual(implicit('resource'));
  });

  it('a resource Deny naming the caller wins over both allows', () => {
    const bucket = doc('resource',
      allow('s3:*', 'arn:aws:s3:::logs/*', { Principal: '*' }),
      deny('s3:GetObject', 'arn:aws:s3:::logs/*', { Principal: { AWS: alice.arn } }));
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [identity(allow('*'))], resource: [bucket] })).toEqual(explicit('resource'));
    const carol = { arn: `arn:aws:iam::${A}:user/carol`, accountId: A, isRoot: false };
    expect(decide(request(carol, 's3:GetObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(ALLOWED);
  });

  it('a grant naming a role allows its sessions', () => {
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [], resource: [grant({ AWS: session.roleArn })] })).toEqual(ALLOWED);
  });

  it('service principals are allowed by a Service grant only', () => {
    const bucket = doc('resource', allow('s3:PutObject', 'arn:aws:s3:::logs/*', { Principal: { Service: 'cloudtrail.amazonaws.com' } }));
    expect(decide(request(cloudtrailService, 's3:PutObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(ALLOWED);
    expect(decide(request(cloudtrailService, 's3:GetObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(implicit('resource'));
    expect(decide(request(alice, 's3:PutObject', BUCKET), { identity: [], resource: [bucket] })).toEqual(implicit('identity'));
  });

  it('NotPrincipal with Deny denies everyone but the principal named with its account', () => {
    const only = (...AWS: string[]) => doc('resource',
      allow('s3:*', 'arn:aws:s3:::logs/*', { Principal: '*' }),
      deny('s3:*', 'arn:aws:s3:::logs/*', { NotPrincipal: { AWS } }));
    const carol = { arn: `arn:aws:iam::${A}:user/carol`, accountId: A, isRoot: false };
    const both = only(alice.arn, `arn:aws:iam::${A}:root`);
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [], resource: [both] })).toEqual(ALLOWED);
    expect(decide(request(carol, 's3:GetObject', BUCKET), { identity: [], resource: [both] })).toEqual(explicit('resource'));
    expect(decide(request(rootA, 's3:GetObject', BUCKET), { identity: [], resource: [both] })).toEqual(ALLOWED);
    expect(decide(request(alice, 's3:GetObject', BUCKET), { identity: [], resource: [only(alice.arn)] })).toEqual(explicit('resource'));
  });
});

describe('session policies', () => {
  const role = identity(allow(['cloudtrail:*', 's3:*']));
  it('narrow the role policies to their intersection', () => {
    const sessionPolicies = [identity(allow('cloudtrail:LookupEvents'))];
    expect(decide(request(session, 'cloudtrail:LookupEvents'), { identity: [role], sessionPolicies })).toEqual(ALLOWED);
    expect(decide(request(session, 'cloudtrail:DeleteTrail', TRAIL('x')), { identity: [role], sessionPolicies })).toEqual(implicit('session'));
    expect(decide(request(session, 'iam:CreateUser'), { identity: [role], sessionPolicies: [identity(allow('*'))] })).toEqual(implicit('identity'));
  });

  it('deny explicitly', () => {
    const sessionPolicies = [identity(allow('*'), deny('s3:*'))];
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [role], sessionPolicies })).toEqual(explicit('session'));
  });

  it('absent, limit nothing; present but empty (none of them resolved), allow nothing', () => {
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [role] })).toEqual(ALLOWED);
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [role], sessionPolicies: [] })).toEqual(implicit('session'));
  });

  it('limit a resource grant naming the role, not one naming the session itself', () => {
    const sessionPolicies = [identity(allow('cloudtrail:LookupEvents'))];
    const toRole = doc('resource', allow('s3:GetObject', 'arn:aws:s3:::logs/*', { Principal: { AWS: session.roleArn } }));
    const toSession = doc('resource', allow('s3:GetObject', 'arn:aws:s3:::logs/*', { Principal: { AWS: session.arn } }));
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [], sessionPolicies, resource: [toRole] })).toEqual(implicit('identity'));
    expect(decide(request(session, 's3:GetObject', BUCKET), { identity: [], sessionPolicies, resource: [toSession] })).toEqual(ALLOWED);
  });
});

describe('trust policies (sts:AssumeRole)', () => {
  const ROLE = `arn:aws:iam::${A}:role/auditor`;
  const trust = (Principal: unknown, extra: Statement = {}) =>
    doc('trust', { Effect: 'Allow', Action: 'sts:AssumeRole', Principal, ...extra });
  const assume = (principal: RequestPrincipal) => request(principal, 'sts:AssumeRole', ROLE, { resourceAccountId: A });
  const mayAssume = identity(allow('sts:AssumeRole', ROLE));

  it('a trust policy naming the user lets it assume without an identity policy', () => {
    expect(decide(assume(alice), { identity: [], resource: [trust({ AWS: alice.arn })] })).toEqual(ALLOWED);
  });

  it('a trust policy naming the account needs the identity policy too', () => {
    expect(decide(assume(alice), { identity: [], resource: [trust({ AWS: A })] })).toEqual(implicit('identity'));
    expect(decide(assume(alice), { identity: [mayAssume], resource: [trust({ AWS: A })] })).toEqual(ALLOWED);
  });

  it('an identity Allow alone never suffices: the trust policy must allow', () => {
    expect(decide(assume(alice), { identity: [mayAssume], resource: [trust({ AWS: bob.arn })] })).toEqual(implicit('resource'));
  });

  it('across accounts both must allow', () => {
    expect(decide(assume(bob), { identity: [], resource: [trust({ AWS: B })] })).toEqual(implicit('identity'));
    expect(decide(assume(bob), { identity: [identity(allow('sts:AssumeRole', ROLE))], resource: [trust({ AWS: bob.arn })] })).toEqual(ALLOWED);
  });

  it('the trust policy conditions hold', () => {
    const withIp = trust({ AWS: alice.arn }, { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
    expect(decide(request(alice, 'sts:AssumeRole', ROLE, {}, { 'aws:SourceIp': '10.1.1.1' }), { identity: [], resource: [withIp] })).toEqual(ALLOWED);
    expect(decide(request(alice, 'sts:AssumeRole', ROLE, {}, { 'aws:SourceIp': '192.168.0.1' }), { identity: [], resource: [withIp] }))
      .toEqual(implicit('resource'));
  });

  it('roles may not be assumed by root', () => {
    expect(decide(assume(rootA), { identity: [], resource: [trust({ AWS: A })] })).toEqual(implicit('identity'));
  });

  it('a service principal assumes a role its trust policy names', () => {
    expect(decide(assume(cloudtrailService), { identity: [], resource: [trust({ Service: 'cloudtrail.amazonaws.com' })] })).toEqual(ALLOWED);
    expect(decide(assume(cloudtrailService), { identity: [], resource: [trust({ AWS: A })] })).toEqual(implicit('resource'));
  });
});

describe('odd requests', () => {
  it('are decided, never thrown on', () => {
    const policies = {
      identity: [identity(
        allow('*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, DateLessThan: { 'aws:CurrentTime': '2030-01-01' } } }),
        deny('s3:*', 'arn:aws:s3:::${aws:username}/*', { Condition: { NumericGreaterThan: { 's3:max-keys': '100' } } }),
      )],
    };
    const odd: Record<string, ContextValue> = {
      'aws:SourceIp': 'not an address', 'aws:CurrentTime': 'yesterday', 's3:max-keys': ['x', ''], 'aws:username': ['a', 'b'],
    };
    for (const [action, resource] of [['', ''], ['s3', '*'], ['s3:GetObject', 'arn:'], [':::', 'arn:aws:s3:::a/b']] as const) {
      expect(decide(request(alice, action, resource, {}, odd), policies)).toEqual(implicit('identity'));
    }
  });
});
