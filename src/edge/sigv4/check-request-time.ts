// The time rules of SigV4: the credential scope is for the request's own day, a header-signed request is good
// for 15 minutes either side of the server's clock, and a presigned URL until X-Amz-Date + X-Amz-Expires.
import { ServiceError } from '../../errors/service-error.js';
import { formatAmzDate } from './amz-date.js';
import type { ParsedSignature } from './parse-signature.js';

const SKEW_MS = 15 * 60 * 1000;

const invalid = (message: string): ServiceError => new ServiceError('InvalidSignatureException', message);

export function checkRequestTime(parsed: ParsedSignature, now: Date): void {
  const requestTime = formatAmzDate(parsed.requestTime);
  if (parsed.scope.date !== requestTime.slice(0, 8)) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scope.date}' != '${requestTime.slice(0, 8)}', from '${requestTime}'.`,
    );
  }
  checkNotTooLate(parsed, now);
  checkNotTooEarly(parsed, now);
}

function checkNotTooLate(parsed: ParsedSignature, now: Date): void {
  const window =
    parsed.expiresSeconds === undefined
      ? { ms: SKEW_MS, label: '15 min.' }
      : { ms: parsed.expiresSeconds * 1000, label: `${parsed.expiresSeconds} sec.` };
  const earliest = new Date(now.getTime() - window.ms);
  if (parsed.requestTime < earliest) {
    throw invalid(
      `Signature expired: ${formatAmzDate(parsed.requestTime)} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - ${window.label})`,
    );
  }
}

function checkNotTooEarly(parsed: ParsedSignature, now: Date): void {
  const latest = new Date(now.getTime() + SKEW_MS);
  if (parsed.requestTime > latest) {
    throw invalid(
      `Signature not yet current: ${formatAmzDate(parsed.requestTime)} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
}
