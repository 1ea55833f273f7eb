import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from './parse-policy-document.js';
import type { PolicyKind } from './policy-document.js';
import { PolicyDocumentError } from './policy-document-error.js';

const text = (document: unknown) => JSON.stringify(document);
const policy = (...Statement: unknown[]) => text({ Version: '2012-10-17', Statement });
const readTrails = { Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' };
const bucketRead = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' };
const trust = { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' };

function refusal(source: string, kind: PolicyKind): string {
  try {
    parsePolicyDocument(source, kind);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyDocumentError);
    return (err as Error).message;
  }
  throw new Error('the document was accepted');
}

describe('parsePolicyDocument', () => {
  it('reads an identity policy, a single statement object or an array', () => {
    const one = parsePolicyDocument(text({ Version: '2012-10-17', Statement: readTrails }), 'identity');
    expect(one).toEqual({
      version: '2012-10-17', kind: 'identity',
      statements: [{ effect: 'Allow', action: ['cloudtrail:LookupEvents'], resource: ['*'], conditions: [] }],
    });
    expect(parsePolicyDocument(policy(readTrails, { ...readTrails, Effect: 'Deny' }), 'identity').statements).toHaveLength(2);
  });

  it('keeps Sid, NotAction, NotResource and the Condition clauses', () => {
    const doc = parsePolicyDocument(policy({
      Sid: 'NoIam', Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::logs/*',
      Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 'b'] }, Bool: { 'aws:SecureTransport': false } },
    }), 'identity');
    expect(doc.statements[0]).toEqual({
      sid: 'NoIam', effect: 'Deny', notAction: ['iam:*'], notResource: ['arn:aws:s3:::logs/*'],
      conditions: [
        { operator: 'ForAnyValue:StringLikeIfExists', set: 'ForAnyValue', base: 'StringLike', ifExists: true, key: 'aws:TagKeys', values: ['a*', 'b'] },
        { operator: 'Bool', base: 'Bool', ifExists: false, key: 'aws:SecureTransport', values: ['false'] },
      ],
    });
  });

  it('defaults a document without Version to the 2008-10-17 language', () => {
    expect(parsePolicyDocument(text({ Statement: [readTrails] }), 'identity').version).toBe('2008-10-17');
    expect(parsePolicyDocument(text({ Version: '2008-10-17', Id: 'x', Statement: [readTrails] }), 'identity').version).toBe('2008-10-17');
  });

  it('reads the principal forms of resource and trust policies', () => {
    const forms = [
      '*', { AWS: '*' }, { AWS: '111122223333' }, { AWS: 'arn:aws:iam::111122223333:root' },
      { AWS: ['arn:aws:iam::111122223333:user/path/alice', 'arn:aws:iam::111122223333:role/auditor'] },
      { AWS: 'arn:aws:sts::111122223333:assumed-role/auditor/s1' }, { Service: ['cloudtrail.amazonaws.com'] },
      { Federated: 'cognito-identity.amazonaws.com' }, { CanonicalUser: '79a59df900b949e55d96a1e698fbaced' },
    ];
    for (const Principal of forms) {
      expect(parsePolicyDocument(policy({ ...bucketRead, Principal }), 'resource').statements[0]?.principal).toBeDefined();
    }
    expect(parsePolicyDocument(policy({ ...bucketRead, Principal: undefined, NotPrincipal: { AWS: '111122223333' } }), 'resource')
      .statements[0]?.notPrincipal).toEqual({ anyone: false, aws: ['111122223333'], service: [], federated: [], canonicalUser: [] });
    expect(parsePolicyDocument(policy(trust), 'trust').statements[0]).toMatchObject({ action: ['sts:AssumeRole'] });
  });

  it('accepts condition keys of OIDC providers, whose vendor part is a host and path', () => {
    const irsa = {
      Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE:sub': 'system:serviceaccount:ns:sa' } },
    };
    expect(parsePolicyDocument(policy(irsa), 'trust').statements[0]?.conditions[0]?.key).toBe('oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE:sub');
  });

  it('accepts Sids of any characters in bucket policies, but only alphanumeric ones in IAM policies', () => {
    expect(parsePolicyDocument(policy({ ...bucketRead, Sid: 'Allow alice-read' }), 'resource').statements[0]?.sid).toBe('Allow alice-read');
    expect(refusal(policy({ ...readTrails, Sid: 'read trails' }), 'identity')).toMatch(/^Statement IDs \(SID\) must be alpha-numeric/);
  });

  it.each<[string, string, PolicyKind, string]>([
    ['invalid JSON', '{"Version": ', 'identity', 'Syntax errors in policy.'],
    ['not an object', '[]', 'identity', 'Syntax errors in policy.'],
    ['an unknown top-level field', text({ Version: '2012-10-17', Statement: [readTrails], Extra: 1 }), 'identity', 'Syntax errors in policy.'],
    ['an unknown version', text({ Version: '2012-10-18', Statement: [readTrails] }), 'identity', 'Version must be 2012-10-17 or 2008-10-17'],
    ['no Statement', text({ Version: '2012-10-17' }), 'identity', 'Missing required field Statement'],
    ['an empty Statement list', policy(), 'identity', 'Syntax errors in policy.'],
    ['a statement that is not an object', policy('Allow'), 'identity', 'Syntax errors in policy.'],
    ['an unknown statement field', policy({ ...readTrails, Actions: 'x:y' }), 'identity', 'Syntax errors in policy.'],
    ['no Effect', policy({ Action: 'a:b', Resource: '*' }), 'identity', 'Missing required field Effect'],
    ['an unknown Effect', policy({ ...readTrails, Effect: 'allow' }), 'identity', 'Invalid effect: allow'],
    ['no Action', policy({ Effect: 'Allow', Resource: '*' }), 'identity', 'Policy statement must contain actions.'],
    ['an empty Action list', policy({ ...readTrails, Action: [] }), 'identity', 'Policy statement must contain actions.'],
    ['Action and NotAction', policy({ ...readTrails, NotAction: 's3:*' }), 'identity', 'both Action and NotAction'],
    ['an action without a vendor', policy({ ...readTrails, Action: 'LookupEvents' }), 'identity', 'Actions/Conditions must be prefaced by a vendor'],
    ['a non-string action', policy({ ...readTrails, Action: [1] }), 'identity', 'Syntax errors in policy.'],
    ['no Resource', policy({ Effect: 'Allow', Action: 'a:b' }), 'identity', 'Policy statement must contain resources.'],
    ['Resource and NotResource', policy({ ...readTrails, NotResource: '*' }), 'identity', 'both Resource and NotResource'],
    ['a resource that is not an ARN', policy({ ...readTrails, Resource: 'my-bucket' }), 'identity', 'Resource my-bucket must be in ARN format or "*".'],
    ['a truncated ARN', policy({ ...readTrails, Resource: 'arn:aws:s3' }), 'identity', 'Resource arn:aws:s3 must be in ARN format or "*".'],
    ['a Principal in an identity policy', policy({ ...readTrails, Principal: '*' }), 'identity', 'Policy document should not specify a principal.'],
    ['a NotPrincipal in an identity policy', policy({ ...readTrails, NotPrincipal: '*' }), 'identity', 'Policy document should not specify a principal.'],
    ['no Principal in a bucket policy', policy(readTrails), 'resource', 'Missing required field Principal'],
    ['no Principal in a trust policy', policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust', 'Missing required field Principal'],
    ['a Resource in a trust policy', policy({ ...trust, Resource: '*' }), 'trust', 'Has prohibited field Resource'],
    ['a non-STS action in a trust policy', policy({ ...trust, Action: 's3:GetObject' }), 'trust', 'AssumeRole policy may only specify STS AssumeRole actions.'],
    ['a principal string other than "*"', policy({ ...bucketRead, Principal: 'alice' }), 'resource', 'Syntax errors in policy.'],
    ['an unknown principal type', policy({ ...bucketRead, Principal: { User: 'alice' } }), 'resource', 'Invalid principal in policy: "User":"alice"'],
    ['a malformed AWS principal', policy({ ...bucketRead, Principal: { AWS: 'alice' } }), 'resource', 'Invalid principal in policy: "AWS":"alice"'],
    ['a wildcard inside an AWS principal', policy({ ...bucketRead, Principal: { AWS: 'arn:aws:iam::*:root' } }), 'resource', 'Invalid principal in policy'],
    ['a wildcard user in an AWS principal', policy({ ...bucketRead, Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }), 'resource', 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/*"'],
    ['an empty principal list', policy({ ...bucketRead, Principal: { AWS: [] } }), 'resource', 'Invalid principal in policy'],
    ['duplicate Sids', policy({ ...readTrails, Sid: 'A' }, { ...readTrails, Sid: 'A' }), 'identity', 'Statement IDs (SID) in a single policy must be unique.'],
    ['an unknown condition operator', policy({ ...readTrails, Condition: { StringEqual: { 'aws:username': 'a' } } }), 'identity', 'Invalid Condition type : StringEqual'],
    ['an unknown set qualifier', policy({ ...readTrails, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }), 'identity', 'Invalid Condition type : ForSomeValues:StringEquals'],
    ['NullIfExists', policy({ ...readTrails, Condition: { NullIfExists: { 'aws:username': 'true' } } }), 'identity', 'Invalid Condition type : NullIfExists'],
    ['a condition key without a vendor', policy({ ...readTrails, Condition: { StringEquals: { username: 'a' } } }), 'identity', 'Actions/Conditions must be prefaced by a vendor'],
    ['a condition that is not an object', policy({ ...readTrails, Condition: 'x' }), 'identity', 'Syntax errors in policy.'],
    ['a condition value that is an object', policy({ ...readTrails, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }), 'identity', 'Syntax errors in policy.'],
    ['a bad CIDR', policy({ ...readTrails, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }), 'identity', 'Invalid value for condition IpAddress: "10.0.0.0/33"'],
    ['a bad number', policy({ ...readTrails, Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }), 'identity', 'Invalid value for condition NumericLessThan: "ten"'],
    ['a bad date', policy({ ...readTrails, Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } }), 'identity', 'Invalid value for condition DateLessThan: "tomorrow"'],
    ['a bad Bool', policy({ ...readTrails, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }), 'identity', 'Invalid value for condition Bool: "yes"'],
    ['a bad Null', policy({ ...readTrails, Condition: { Null: { 'aws:username': 'maybe' } } }), 'identity', 'Invalid value for condition Null: "maybe"'],
  ])('refuses %s', (_, source, kind, message) => {
    expect(refusal(source, kind)).toContain(message);
  });
});
