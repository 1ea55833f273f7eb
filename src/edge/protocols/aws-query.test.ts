import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EdgeRequest } from '../edge-request.js';
import { ServiceError } from '../../errors/service-error.js';
import {
  queryAction, queryErrorReply, queryInput, queryParameters, queryProtocolError, queryReply, queryValidationError,
} from './aws-query.js';

const IAM = { namespace: 'https://iam.amazonaws.com/doc/2010-05-08/', version: '2010-05-08' };

function request(body: string, query = ''): EdgeRequest {
  return {
    requestId: 'req-1', receivedAt: new Date(0), method: 'POST', rawUrl: `/${query ? '?' + query : ''}`, path: '/',
    query: new URLSearchParams(query), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(body), sourceIp: '127.0.0.1',
  };
}

describe('the AWS Query protocol', () => {
  it('reads lists (.member.N, in index order) and structures from the form', () => {
    const params = queryParameters(request('Action=AssumeRole&Version=2011-06-15&PolicyArns.member.2.arn=b&PolicyArns.member.1.arn=a&Tags.member.1.Key=k&Tags.member.1.Value=v%20w&RoleArn=r'));
    expect(queryInput(params)).toEqual({ PolicyArns: [{ arn: 'a' }, { arn: 'b' }], Tags: [{ Key: 'k', Value: 'v w' }], RoleArn: 'r' });
  });

  it('ignores member names that would reach an object\'s prototype', () => {
    const params = queryParameters(request('Action=ListUsers&__proto__.polluted=1&constructor.prototype.polluted=1&a.__proto__.b=1&UserName=x'));
    expect(queryInput(params)).toEqual({ UserName: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('takes GET query strings but leaves presigning parameters out', () => {
    const params = queryParameters({ ...request(''), method: 'GET', query: new URLSearchParams('Action=GetCallerIdentity&X-Amz-Signature=abc') });
    expect([...params.keys()]).toEqual(['Action']);
  });

  it('names missing actions and unknown versions in the protocol\'s words', () => {
    expect(() => queryAction(new URLSearchParams('Version=2010-05-08'), IAM)).toThrow(expect.objectContaining({ code: 'MissingAction' }));
    expect(() => queryAction(new URLSearchParams('Action=ListUsers&Version=2099-01-01'), IAM))
      .toThrow(expect.objectContaining({ code: 'InvalidParameterValue', message: 'Could not find operation ListUsers for version 2099-01-01' }));
  });

  it('writes results as IAM does, lists as <member> elements, text escaped', () => {
    const reply = queryReply(IAM, 'ListUsers', { Users: [{ UserName: 'a&b', CreateDate: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) }], IsTruncated: false }, 'req-1');
    expect(reply.body).toBe(
      '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">\n  <ListUsersResult><Users><member><UserName>a&amp;b</UserName>' +
      '<CreateDate>2025-01-02T03:04:05Z</CreateDate></member></Users><IsTruncated>false</IsTruncated></ListUsersResult>\n' +
      '  <ResponseMetadata>\n    <RequestId>req-1</RequestId>\n  </ResponseMetadata>\n</ListUsersResponse>\n',
    );
    expect(queryReply(IAM, 'DeleteUser', undefined, 'req-1').body).not.toContain('DeleteUserResult');
  });

  it('writes errors as an ErrorResponse with Sender or Receiver', () => {
    const reply = queryErrorReply(IAM, new ServiceError('NoSuchEntity', 'The user with name <x> cannot be found.'), 'req-1');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('<Error>\n    <Type>Sender</Type>\n    <Code>NoSuchEntity</Code>\n    <Message>The user with name &lt;x&gt; cannot be found.</Message>');
    expect(queryErrorReply(IAM, new ServiceError('ServiceFailure', 'x'), 'r').body).toContain('<Type>Receiver</Type>');
  });

  it('renames the pipeline\'s errors as Query services name them', () => {
    expect(queryProtocolError(new ServiceError('UnrecognizedClientException', 'm')).code).toBe('InvalidClientTokenId');
    expect(queryProtocolError(new ServiceError('AccessDeniedException', 'm')).code).toBe('AccessDenied');
    expect(queryProtocolError(new ServiceError('InvalidSignatureException', 'm')).code).toBe('SignatureDoesNotMatch');
    expect(queryProtocolError(new ServiceError('ExpiredTokenException', 'm')).code).toBe('ExpiredToken');
    expect(queryProtocolError(new ServiceError('NoSuchEntity', 'm')).code).toBe('NoSuchEntity');
  });

  it('reports a missing member as IAM does', () => {
    const parsed = z.object({ UserName: z.string() }).safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(queryValidationError(parsed.error).message).toBe("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
    }
  });
});
