import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../errors/service-error.js';
import { ContentSha256MismatchError } from '../../sigv4/payload-hash.js';
import { s3ErrorReply, type ErrorContext } from './s3-error-reply.js';
import { noSuchKey } from './s3-errors.js';

const context: ErrorContext = { requestId: 'req-1', resource: '/b/k', head: false, authentication: 'AuthHeader' };

function codeOf(error: ServiceError, ctx: Partial<ErrorContext> = {}): { status: number; code: string } {
  const reply = s3ErrorReply(error, { ...context, ...ctx });
  return { status: reply.status, code: /<Code>([^<]*)<\/Code>/.exec(String(reply.body))?.[1] ?? '' };
}

describe("the pipeline's errors in S3's words", () => {
  it.each([
    [new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token'), 'AccessDenied', 403],
    [new ServiceError('UnrecognizedClientException', 'x'), 'InvalidAccessKeyId', 403],
    [new ServiceError('InvalidSignatureException', 'The request signature we calculated does not match…'), 'SignatureDoesNotMatch', 403],
    [new ServiceError('InvalidSignatureException', 'Signature expired: 20250101T000000Z is now earlier than …'), 'RequestTimeTooSkewed', 403],
    [new ServiceError('InvalidSignatureException', 'Signature not yet current: …'), 'RequestTimeTooSkewed', 403],
    [new ServiceError('InvalidSignatureException', "Date in Credential scope does not match YYYYMMDD …"), 'AuthorizationHeaderMalformed', 400],
    [new ContentSha256MismatchError('aa', 'bb'), 'XAmzContentSHA256Mismatch', 400],
    [new ServiceError('IncompleteSignatureException', 'Authorization header requires …'), 'AuthorizationHeaderMalformed', 400],
    [new ServiceError('InternalFailure', 'boom'), 'InternalError', 500],
    [new ServiceError('ServiceUnavailable', 'not recorded'), 'ServiceUnavailable', 503],
    [new ServiceError('ThrottlingException', 'slow'), 'SlowDown', 503],
    [new ServiceError('RequestEntityTooLargeException', 'big'), 'EntityTooLarge', 400],
  ])('%s → %s', (error, code, status) => {
    expect(codeOf(error)).toEqual({ code, status });
  });

  it('tells presigned URLs apart: an expired one is AccessDenied, a malformed one AuthorizationQueryParametersError', () => {
    expect(codeOf(new ServiceError('InvalidSignatureException', 'Signature expired: …'), { authentication: 'QueryString' })).toEqual({ code: 'AccessDenied', status: 403 });
    expect(codeOf(new ServiceError('IncompleteSignatureException', 'x'), { authentication: 'QueryString' })).toEqual({ code: 'AuthorizationQueryParametersError', status: 400 });
  });
});

describe('the error document', () => {
  it("is S3's <Error> with its extra members, the resource and the request ids", () => {
    const reply = s3ErrorReply(noSuchKey('a<b'), context);
    expect(reply.status).toBe(404);
    expect(reply.headers).toMatchObject({ 'content-type': 'application/xml', 'x-amz-request-id': 'req-1', 'x-amz-id-2': expect.any(String) });
    expect(reply.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>' +
        `<Key>a&lt;b</Key><Resource>/b/k</Resource><RequestId>req-1</RequestId><HostId>${reply.headers['x-amz-id-2']}</HostId></Error>`,
    );
  });

  it('is left out for HEAD requests, keeping the status and headers', () => {
    const reply = s3ErrorReply(noSuchKey('k'), { ...context, head: true });
    expect(reply).toMatchObject({ status: 404, body: '', headers: { 'x-amz-request-id': 'req-1' } });
  });
});
