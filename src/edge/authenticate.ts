// SigV4 authentication of every request: the access key names the caller and account, the credential scope names
// the region and the service. A refusal keeps whatever it learned about the caller, so that a bad signature made
// with a known key is still recorded in that account's Event History.
import type { CredentialStore, AccessKeyRecord } from '../store/store.js';
import type { Caller } from '../domain/caller.js';
import type { Clock } from '../domain/clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { ServiceError } from '../errors/service-error.js';
import { header, type EdgeRequest } from './edge-request.js';
import { parseSignature } from './sigv4/parse-signature.js';
import { checkSignature } from './sigv4/check-signature.js';

export interface Authentication {
  caller: Caller;
  region: string;
  signingName: string;
}

export class AuthenticationFailure extends Error {
  constructor(
    readonly error: ServiceError,
    /** Set when the access key was known: the refused call is recorded for that caller. */
    readonly known?: Omit<Authentication, 'signingName'>,
  ) {
    super(error.message);
  }
}

export class Authenticator {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async authenticate(request: EdgeRequest): Promise<Authentication> {
    const signed = { method: request.method, rawUrl: request.rawUrl, headers: request.headers, body: request.body };
    let parsed;
    try {
      parsed = parseSignature(signed);
    } catch (err) {
      throw new AuthenticationFailure(err instanceof ServiceError ? err : malformed());
    }
    if (!parsed) {
      throw new AuthenticationFailure(new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token'));
    }
    const key = await this.credentials.findAccessKey(parsed.accessKeyId);
    if (!key || key.status !== 'Active') {
      throw new AuthenticationFailure(
        new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
      );
    }
    const caller = callerOf(key);
    try {
      checkSignature(signed, parsed, this.secrets.open(key.sealedSecret), this.clock.now());
    } catch (err) {
      throw new AuthenticationFailure(err instanceof ServiceError ? err : malformed(), { caller, region: parsed.scope.region });
    }
    return { caller, region: parsed.scope.region, signingName: parsed.scope.service };
  }
}

/** The SigV4 signing name a request claims, read without verifying anything: it picks the protocol of the answer. */
export function claimedSigningName(request: EdgeRequest): string | undefined {
  const source = header(request, 'authorization') ?? request.query.get('X-Amz-Credential') ?? '';
  return /Credential=?[^/\s,]+\/\d{8}\/[^/\s,]+\/([^/\s,]+)\/aws4_request/.exec(source)?.[1]
    ?? /^[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request$/.exec(source)?.[1];
}

function callerOf(key: AccessKeyRecord): Caller {
  const caller: Caller = {
    accountId: key.accountId,
    type: key.principalType,
    principalId: key.principalId,
    arn: key.principalArn,
    accessKeyId: key.accessKeyId,
  };
  if (key.userName) caller.userName = key.userName;
  return caller;
}

function malformed(): ServiceError {
  return new ServiceError('IncompleteSignatureException', 'The request signature is malformed.');
}
