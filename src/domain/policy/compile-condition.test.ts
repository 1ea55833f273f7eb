import { describe, expect, it } from 'vitest';
import type { ContextValue } from './authorization.js';
import { compileConditions } from './compile-condition.js';
import { parseCondition } from './parse-condition.js';
import { RequestView } from './request-view.js';

// A service principal: the evaluator derives no aws:username or aws:PrincipalArn for it, so tests say what is absent.
const service = { arn: 'logs.amazonaws.com', accountId: '111122223333', isRoot: false, service: 'logs.amazonaws.com' };

/** Whether a Condition block holds for a request carrying these context keys. */
function holds(condition: Record<string, unknown>, context: Record<string, ContextValue>, variables = true): boolean {
  const test = compileConditions(parseCondition(condition as never), variables);
  const view = new RequestView({ principal: service, action: 's3:GetObject', resource: '*', context: new Map(Object.entries(context)) });
  return test === undefined || test(view);
}

type Row = [operator: string, key: string, policy: unknown, request: ContextValue | undefined, expected: boolean];

const table = (rows: Row[]) =>
  it.each(rows)('%s %s %j against %j is %s', (operator, key, policy, request, expected) => {
    expect(holds({ [operator]: { [key]: policy } }, request === undefined ? {} : { [key]: request })).toBe(expected);
  });

describe('string operators', () => {
  table([
    ['StringEquals', 'aws:username', 'alice', 'alice', true],
    ['StringEquals', 'aws:username', 'alice', 'Alice', false],
    ['StringEquals', 'aws:username', ['bob', 'alice'], 'alice', true],
    ['StringEquals', 'aws:username', 'al*', 'alice', false],
    ['StringEquals', 'aws:username', 'alice', undefined, false],
    ['StringNotEquals', 'aws:username', 'alice', 'bob', true],
    ['StringNotEquals', 'aws:username', 'alice', 'alice', false],
    ['StringNotEquals', 'aws:username', ['alice', 'bob'], 'bob', false],
    ['StringNotEquals', 'aws:username', 'alice', undefined, true],
    ['StringEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', true],
    ['StringEqualsIgnoreCase', 'aws:username', 'ALICE', 'bob', false],
    ['StringNotEqualsIgnoreCase', 'aws:username', 'ALICE', 'alice', false],
    ['StringNotEqualsIgnoreCase', 'aws:username', 'ALICE', 'bob', true],
    ['StringLike', 's3:prefix', 'home/*', 'home/alice/x', true],
    ['StringLike', 's3:prefix', 'home/*', 'Home/alice', false],
    ['StringLike', 's3:prefix', 'home/?', 'home/a', true],
    ['StringLike', 's3:prefix', 'home/?', 'home/ab', false],
    ['StringLike', 's3:prefix', ['', 'home/'], '', true],
    ['StringLike', 's3:prefix', 'a.c', 'abc', false],
    ['StringNotLike', 's3:prefix', 'home/*', 'work/x', true],
    ['StringNotLike', 's3:prefix', 'home/*', 'home/x', false],
    ['StringNotLike', 's3:prefix', 'home/*', undefined, true],
  ]);
});

describe('numeric operators', () => {
  table([
    ['NumericEquals', 's3:max-keys', '10', '10', true],
    ['NumericEquals', 's3:max-keys', '10', '10.0', true],
    ['NumericEquals', 's3:max-keys', 10, '11', false],
    ['NumericNotEquals', 's3:max-keys', '10', '11', true],
    ['NumericNotEquals', 's3:max-keys', '10', '10', false],
    ['NumericNotEquals', 's3:max-keys', '10', undefined, true],
    ['NumericLessThan', 's3:max-keys', '10', '9', true],
    ['NumericLessThan', 's3:max-keys', '10', '10', false],
    ['NumericLessThanEquals', 's3:max-keys', '10', '10', true],
    ['NumericLessThanEquals', 's3:max-keys', '10', '11', false],
    ['NumericGreaterThan', 's3:max-keys', '10', '11', true],
    ['NumericGreaterThan', 's3:max-keys', '10', '10', false],
    ['NumericGreaterThanEquals', 's3:max-keys', '10', '10', true],
    ['NumericGreaterThanEquals', 's3:max-keys', '10', '-1', false],
    ['NumericLessThan', 's3:max-keys', '10', 'ten', false],
    ['NumericLessThan', 's3:max-keys', '10', undefined, false],
  ]);
});

describe('date operators', () => {
  const noon = '2026-11-24T12:00:00Z';
  const epochNoon = String(Date.parse(noon) / 1000);
  table([
    ['DateEquals', 'aws:CurrentTime', noon, noon, true],
    ['DateEquals', 'aws:CurrentTime', noon, '2026-11-24T12:00:01Z', false],
    ['DateEquals', 'aws:EpochTime', noon, epochNoon, true],
    ['DateEquals', 'aws:CurrentTime', epochNoon, noon, true],
    ['DateNotEquals', 'aws:CurrentTime', noon, '2026-11-24T12:00:01Z', true],
    ['DateNotEquals', 'aws:CurrentTime', noon, undefined, true],
    ['DateLessThan', 'aws:CurrentTime', noon, '2026-11-24T11:59:59Z', true],
    ['DateLessThan', 'aws:CurrentTime', noon, noon, false],
    ['DateLessThan', 'aws:CurrentTime', '2026-11-25', noon, true],
    ['DateLessThanEquals', 'aws:CurrentTime', noon, noon, true],
    ['DateGreaterThan', 'aws:CurrentTime', noon, '2026-11-24T12:00:01Z', true],
    ['DateGreaterThan', 'aws:CurrentTime', noon, noon, false],
    ['DateGreaterThanEquals', 'aws:CurrentTime', noon, noon, true],
    ['DateGreaterThanEquals', 'aws:CurrentTime', noon, '2026-01-01T00:00:00Z', false],
    ['DateGreaterThan', 'aws:CurrentTime', noon, undefined, false],
  ]);
});

describe('Bool, BinaryEquals, Null', () => {
  table([
    ['Bool', 'aws:SecureTransport', 'true', 'true', true],
    ['Bool', 'aws:SecureTransport', true, 'true', true],
    ['Bool', 'aws:SecureTransport', 'TRUE', 'true', true],
    ['Bool', 'aws:SecureTransport', 'false', 'true', false],
    ['Bool', 'aws:SecureTransport', 'false', undefined, false],
    ['BinaryEquals', 'app:key', 'QmluYXJ5', 'QmluYXJ5', true],
    ['BinaryEquals', 'app:key', 'QmluYXJ5', 'QmluYXJz', false],
    ['Null', 'aws:TokenIssueTime', 'true', undefined, true],
    ['Null', 'aws:TokenIssueTime', 'true', '2026-11-24T00:00:00Z', false],
    ['Null', 'aws:TokenIssueTime', 'false', '2026-11-24T00:00:00Z', true],
    ['Null', 'aws:TokenIssueTime', 'false', undefined, false],
    ['Null', 'aws:TagKeys', 'true', [], true],
  ]);
});

describe('IP address operators', () => {
  table([
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.113.7', true],
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '203.0.114.7', false],
    ['IpAddress', 'aws:SourceIp', '203.0.113.7', '203.0.113.7', true],
    ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '203.0.113.0/24'], '10.20.30.40', true],
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', '::ffff:203.0.113.9', true],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db8:1::5', true],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db9::5', false],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '203.0.113.7', false],
    ['IpAddress', 'aws:SourceIp', '0.0.0.0/0', 'not-an-ip', false],
    ['IpAddress', 'aws:SourceIp', '10.0.0.0/8', undefined, false],
    ['NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', '192.168.1.1', true],
    ['NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', '10.1.1.1', false],
    ['NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', undefined, true],
  ]);
});

describe('ARN operators', () => {
  const role = 'arn:aws:iam::111122223333:role/auditor';
  table([
    ['ArnEquals', 'aws:PrincipalArn', role, role, true],
    ['ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::*:role/auditor', role, true],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/*', role, true],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:user/*', role, false],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/audit?r', role, true],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam:*:role/auditor', role, false],
    ['ArnNotEquals', 'aws:PrincipalArn', role, 'arn:aws:iam::111122223333:role/other', true],
    ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/*', role, false],
    ['ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/*', undefined, true],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/*', undefined, false],
  ]);
});

describe('IfExists', () => {
  table([
    ['StringEqualsIfExists', 'aws:username', 'alice', undefined, true],
    ['StringEqualsIfExists', 'aws:username', 'alice', 'alice', true],
    ['StringEqualsIfExists', 'aws:username', 'alice', 'bob', false],
    ['StringNotLikeIfExists', 'aws:username', 'a*', 'alice', false],
    ['NumericLessThanIfExists', 's3:max-keys', '10', undefined, true],
    ['NumericLessThanIfExists', 's3:max-keys', '10', '20', false],
    ['DateLessThanIfExists', 'aws:CurrentTime', '2026-01-01', undefined, true],
    ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', undefined, true],
    ['BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', 'true', false],
    ['IpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8', undefined, true],
    ['ArnLikeIfExists', 'aws:PrincipalArn', 'arn:aws:iam::*:user/*', undefined, true],
    ['BinaryEqualsIfExists', 'app:key', 'QmluYXJ5', undefined, true],
  ]);
});

describe('set operators on multivalued keys', () => {
  table([
    ['ForAnyValue:StringEquals', 'aws:TagKeys', ['team', 'env'], ['env', 'owner'], true],
    ['ForAnyValue:StringEquals', 'aws:TagKeys', ['team', 'env'], ['owner'], false],
    ['ForAnyValue:StringEquals', 'aws:TagKeys', ['team'], undefined, false],
    ['ForAnyValue:StringEquals', 'aws:TagKeys', ['team'], [], false],
    ['ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', ['team'], undefined, true],
    ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['team'], ['team', 'env'], true],
    ['ForAnyValue:StringNotEquals', 'aws:TagKeys', ['team'], ['team'], false],
    ['ForAnyValue:StringLike', 'aws:TagKeys', ['te*'], ['owner', 'team'], true],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team', 'env'], ['env', 'team'], true],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team', 'env'], ['env', 'owner'], false],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team'], undefined, true],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team'], [], true],
    ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['team', 'env'], true],
    ['ForAllValues:StringNotEquals', 'aws:TagKeys', ['secret'], ['team', 'secret'], false],
    ['ForAllValues:StringEqualsIgnoreCase', 'aws:TagKeys', ['TEAM'], ['team'], true],
    ['ForAnyValue:ArnLike', 'app:arns', ['arn:aws:s3:::a/*'], ['arn:aws:s3:::b/x', 'arn:aws:s3:::a/y'], true],
    ['ForAnyValue:IpAddress', 'app:ips', '10.0.0.0/8', ['192.168.0.1', '10.0.0.1'], true],
    ['ForAllValues:NumericLessThan', 'app:sizes', '10', ['1', '2'], true],
    ['ForAllValues:NumericLessThan', 'app:sizes', '10', ['1', '20'], false],
    ['StringEquals', 'aws:TagKeys', 'team', ['env', 'team'], true],
    ['StringNotEquals', 'aws:TagKeys', 'team', ['env', 'team'], false],
    ['StringNotEquals', 'aws:TagKeys', 'team', ['env', 'owner'], true],
  ]);
});

describe('blocks', () => {
  it('ANDs operators and keys, ORs values', () => {
    const block = {
      StringEquals: { 'aws:username': ['alice', 'bob'], 'aws:RequestedRegion': 'eu-west-1' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    const request = { 'aws:username': 'bob', 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true' };
    expect(holds(block, request)).toBe(true);
    expect(holds(block, { ...request, 'aws:username': 'carol' })).toBe(false);
    expect(holds(block, { ...request, 'aws:RequestedRegion': 'us-east-1' })).toBe(false);
    expect(holds(block, { ...request, 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('matches key names case-insensitively, on both sides', () => {
    expect(holds({ StringEquals: { 'AWS:UserName': 'alice' } }, { 'aws:username': 'alice' })).toBe(true);
    expect(holds({ StringEquals: { 'aws:username': 'alice' } }, { 'AWS:USERNAME': 'alice' })).toBe(true);
  });

  it('accepts operator names in any case', () => {
    expect(holds({ stringequals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(true);
    expect(holds({ 'foranyvalue:stringlikeifexists': { 'aws:TagKeys': 'a*' } }, {})).toBe(true);
  });
});

describe('policy variables in condition values', () => {
  it('substitutes request values in string and ARN operators', () => {
    const context = { 'aws:username': 'alice', 's3:prefix': 'home/alice/docs', 'aws:PrincipalAccount': '111122223333' };
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context)).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { ...context, 'aws:username': 'bob' })).toBe(false);
    expect(holds({ StringEquals: { 's3:prefix': 'home/${aws:username}/docs' } }, context)).toBe(true);
    expect(holds({ StringEqualsIgnoreCase: { 's3:prefix': 'HOME/${aws:username}/DOCS' } }, context)).toBe(true);
    expect(holds({ ArnLike: { 'app:arn': 'arn:aws:iam::${aws:PrincipalAccount}:role/*' } },
      { ...context, 'app:arn': 'arn:aws:iam::111122223333:role/x' })).toBe(true);
  });

  it('treats substituted text literally and an unresolvable variable as matching nothing', () => {
    expect(holds({ StringLike: { 's3:prefix': '${aws:username}' } }, { 'aws:username': '*', 's3:prefix': 'x' })).toBe(false);
    expect(holds({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'x' })).toBe(false);
    expect(holds({ StringNotEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'x' })).toBe(true);
    expect(holds({ StringEquals: { 's3:prefix': "${aws:username, 'it''s'}" } }, { 's3:prefix': "it's" })).toBe(true);
  });

  it('does not substitute in 2008-10-17 documents', () => {
    expect(holds({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 'aws:username': 'a', 's3:prefix': '${aws:username}' }, false))
      .toBe(true);
  });
});
