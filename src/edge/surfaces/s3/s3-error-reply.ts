// Errors as S3 sends them: <Error><Code/><Message/>…<Resource/><RequestId/><HostId/></Error> in XML, or the status
// and headers alone for HEAD. The pipeline reports authentication failures with the JSON protocols' codes; S3
// clients know other names for them, so they are translated here.
import type { EdgeReply } from '../../edge-request.js';
import type { ServiceError } from '../../../errors/service-error.js';
import { ContentSha256MismatchError } from '../../sigv4/payload-hash.js';
import { element, xmlDocument } from '../../protocols/s3-xml.js';
import { S3Error, accessDenied } from './s3-errors.js';
import { amzId2, emptyReply, xmlReply } from './s3-reply.js';
import type { AuthenticationMethod } from './s3-request.js';

export interface ErrorContext {
  requestId: string;
  /** `/bucket/key` */
  resource: string;
  head: boolean;
  authentication: AuthenticationMethod;
}

const MAX_SKEW_MS = '900000';

export function s3ErrorReply(error: ServiceError, context: ErrorContext): EdgeReply {
  const s3 = asS3Error(error, context);
  if (context.head) return emptyReply(context.requestId, s3.status, s3.headers);
  const body = xmlDocument(
    'Error',
    [
      element('Code', s3.code),
      element('Message', s3.message),
      ...Object.entries(s3.details).map(([name, value]) => element(name, value)),
      element('Resource', context.resource),
      element('RequestId', context.requestId),
      element('HostId', amzId2(context.requestId)),
    ],
    null,
  );
  return xmlReply(context.requestId, body, s3.status, s3.headers);
}

export function asS3Error(error: ServiceError, context: ErrorContext): S3Error {
  if (error instanceof S3Error) return error;
  const query = context.authentication === 'QueryString';
  switch (error.code) {
    case 'MissingAuthenticationTokenException':
      return accessDenied();
    case 'AccessDeniedException':
      return new S3Error('AccessDenied', error.message);
    case 'ExpiredTokenException':
      return new S3Error('ExpiredToken', 'The provided token has expired.');
    case 'UnrecognizedClientException':
      return new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    case 'IncompleteSignatureException':
      return query
        ? new S3Error('AuthorizationQueryParametersError', error.message)
        : new S3Error('AuthorizationHeaderMalformed', error.message);
    case 'InvalidSignatureException':
      return signatureError(error, query);
    case 'ThrottlingException':
      return new S3Error('SlowDown', 'Please reduce your request rate.');
    case 'RequestEntityTooLargeException':
      return new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    case 'InternalFailure':
      return new S3Error('InternalError', 'We encountered an internal error. Please try again.');
    default:
      // Catalogued S3 codes thrown as plain ServiceErrors, and ServiceUnavailable (the same name in S3).
      return new S3Error(error.code, error.message);
  }
}

function signatureError(error: ServiceError, query: boolean): S3Error {
  if (error instanceof ContentSha256MismatchError) {
    return new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
      ClientComputedContentSHA256: error.clientComputedContentSha256,
      S3ComputedContentSHA256: error.serverComputedContentSha256,
    });
  }
  const message = error.message;
  if (message.startsWith('Signature expired') && query) return new S3Error('AccessDenied', 'Request has expired');
  if (message.startsWith('Signature expired') || message.startsWith('Signature not yet current')) {
    return new S3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
      MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
    });
  }
  if (message.startsWith('Date in Credential scope')) {
    return query
      ? new S3Error('AuthorizationQueryParametersError', message)
      : new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; ${message}`);
  }
  return new S3Error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );
}
