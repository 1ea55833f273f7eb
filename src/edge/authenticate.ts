// SigV4 authentication of every request: the access key names the caller and account, the credential scope names
// the region and the service. A refusal keeps whatever it learned about the caller, so that a bad signature made
// with a known key is still recorded in that account's Event History.
import type { CredentialStore, AccessKeyRecord } from '../store/store.js';
import crypto from 'node:crypto';
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
  /** The headers the signature covers, lower-case. */
  signedHeaders: readonly string[];
}

export class AuthenticationFailure extends Error {
  constructor(
    readonly error: ServiceError,
    /** Set when the access key was known: the refused call is recorded for that caller. */
    readonly known?: Pick<Authentication, 'caller' | 'region'>,
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
    // An inactive key, and a temporary key without its own session token, are refused as unknown ones are.
    if (!key || key.status !== 'Active' || !sessionTokenMatches(key, request)) throw new AuthenticationFailure(invalidToken());
    const now = this.clock.now();
    if (key.expiresMs !== undefined && key.expiresMs <= now.getTime()) {
      throw new AuthenticationFailure(new ServiceError('ExpiredTokenException', 'The security token included in the request is expired'));
    }
    const caller = callerOf(key);
    try {
      checkSignature(signed, parsed, this.secrets.open(key.sealedSecret), now);
    } catch (err) {
      throw new AuthenticationFailure(err instanceof ServiceError ? err : malformed(), { caller, region: parsed.scope.region });
    }
    await this.noteUse(key, parsed.scope.service, parsed.scope.region, now.getTime());
    return { caller, region: parsed.scope.region, signingName: parsed.scope.service, signedHeaders: parsed.signedHeaders };
  }

  /** GetAccessKeyLastUsed's answer for long-term keys; written at most once a minute per key and service. */
  private async noteUse(key: AccessKeyRecord, serviceName: string, region: string, nowMs: number): Promise<void> {
    if (key.session) return;
    const last = key.lastUsed;
    if (last && last.serviceName === serviceName && last.region === region && nowMs - last.usedMs < 60_000) return;
    await this.credentials.noteKeyUsed(key.accessKeyId, { usedMs: nowMs, serviceName, region });
  }
}

function sessionTokenMatches(key: AccessKeyRecord, request: EdgeRequest): boolean {
  if (!key.session) return true;
  const token = header(request, 'x-amz-security-token') ?? request.query.get('X-Amz-Security-Token');
  if (!token) return false;
  const hash = crypto.createHash('sha256').update(token).digest();
  const expected = Buffer.from(key.session.tokenHash, 'hex');
  return expected.length === hash.length && crypto.timingSafeEqual(hash, expected);
}

function invalidToken(): ServiceError {
  return new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
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
  if (key.session) {
    const { issuer, issuedMs, sessionPolicies, sessionPolicyArns } = key.session;
    caller.session = { issuer, issuedMs, ...(sessionPolicies ? { sessionPolicies } : {}), ...(sessionPolicyArns ? { sessionPolicyArns } : {}) };
  }
  return caller;
}

function malformed(): ServiceError {
  return new ServiceError('IncompleteSignatureException', 'The request signature is malformed.');
}
