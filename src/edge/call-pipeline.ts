// The life of one call at the edge (design.md, "The life of one event"): pick the surface, authenticate, run, and
// commit the call's record before the answer leaves. Refusals of known callers are recorded too.
import type { Logger } from 'pino';
import type { EdgeReply, EdgeRequest } from './edge-request.js';
import type { CallFacts, Surface } from './surface.js';
import { AuthenticationFailure, claimedSigningName, type Authentication, type Authenticator } from './authenticate.js';
import { ServiceError, asServiceError } from '../errors/service-error.js';
import type { Recorder } from '../services/recorder.js';
import type { Clock } from '../domain/clock.js';
import { userIdentityOf } from '../domain/caller.js';
import { accountCopies } from '../domain/account-copies.js';
import type { Authorizer } from '../services/access/authorizer.js';

export interface PipelineDependencies {
  surfaces: readonly Surface[];
  authenticator: Authenticator;
  authorizer: Pick<Authorizer, 'authorize'>;
  recorder: Recorder;
  clock: Clock;
  log: Logger;
}

export class CallPipeline {
  constructor(private readonly deps: PipelineDependencies) {}

  async handle(request: EdgeRequest): Promise<EdgeReply> {
    const surface = this.surfaceFor(request);
    const facts = surface.describe(request);
    let auth: Authentication | undefined;
    try {
      auth = await this.deps.authenticator.authenticate(request);
      requireSignatureFor(surface, auth, request);
      const call = { request, caller: auth.caller, region: auth.region };
      const checks = await surface.authorization(call, facts);
      await this.deps.authorizer.authorize({ ...call, sourceIp: request.sourceIp, userAgent: request.userAgent, secureTransport: false }, checks);
      const reply = await surface.invoke(call, facts);
      return await this.recorded(request, facts, auth, undefined, () => reply, surface);
    } catch (err) {
      const known = err instanceof AuthenticationFailure ? err.known : auth;
      const raw = this.serviceError(err, request);
      const error = inProtocol(surface, raw, request);
      const reply = () => surface.errorReply(error, request);
      return known ? this.recorded(request, facts, known, error, reply, surface) : reply();
    }
  }

  /** Answers a request refused before it reached a surface (unreadable or oversized), in that surface's protocol. */
  refuse(request: EdgeRequest, raw: ServiceError): EdgeReply {
    const surface = this.surfaceFor(request);
    return surface.errorReply(inProtocol(surface, raw, request), request);
  }

  private surfaceFor(request: EdgeRequest): Surface {
    const surfaces = this.deps.surfaces;
    const name = claimedSigningName(request);
    const byName = name === undefined ? undefined : surfaces.find((s) => s.signingNames.includes(name));
    return byName ?? surfaces.find((s) => s.recognizes(request)) ?? surfaces[0]!;
  }

  private serviceError(err: unknown, request: EdgeRequest): ServiceError {
    if (err instanceof AuthenticationFailure) return err.error;
    if (!(err instanceof ServiceError)) {
      this.deps.log.error({ err, requestId: request.requestId }, 'unexpected error in a call');
    }
    return asServiceError(err);
  }

  /** Commits the call's record, then hands out the reply; a call that cannot be recorded fails instead. */
  private async recorded(
    request: EdgeRequest,
    facts: CallFacts,
    auth: Pick<Authentication, 'caller' | 'region'>,
    error: ServiceError | undefined,
    reply: () => EdgeReply,
    surface: Surface,
  ): Promise<EdgeReply> {
    try {
      await this.deps.recorder.recordCopies(accountCopies({
        identity: userIdentityOf(auth.caller),
        accountId: auth.caller.accountId,
        region: facts.region ?? auth.region,
        eventSource: facts.eventSource,
        eventName: facts.eventName,
        eventTime: this.deps.clock.now(),
        sourceIPAddress: request.sourceIp,
        ...(request.userAgent ? { userAgent: request.userAgent } : {}),
        requestParameters: facts.requestParameters,
        responseElements: facts.responseElements,
        ...(facts.additionalEventData ? { additionalEventData: facts.additionalEventData } : {}),
        ...(error ? { error: { code: error.code, message: error.message } } : {}),
        requestId: request.requestId,
        readOnly: facts.readOnly,
        ...(facts.resources ? { resources: facts.resources } : {}),
        ...(facts.managementEvent === false ? { managementEvent: false } : {}),
      }, auth.caller));
    } catch (err) {
      this.deps.log.error({ err, requestId: request.requestId }, 'could not record a call; answering 503');
      const unavailable = new ServiceError('ServiceUnavailable', 'The call could not be recorded, so it was not completed. Retry later.');
      return surface.errorReply(inProtocol(surface, unavailable, request), request);
    }
    return reply();
  }
}

/**
 * The surface is picked from what the request claims (its Authorization text, X-Amz-Target, the path); the signature
 * vouches only for the service its credential scope names. A request signed for another service (an S3 presigned
 * URL, whose body and X-Amz-Target are unsigned) must not reach this one, as AWS refuses it.
 */
function requireSignatureFor(surface: Surface, auth: Authentication, request: EdgeRequest): void {
  const known = { caller: auth.caller, region: auth.region };
  if (!surface.signingNames.includes(auth.signingName)) {
    const error = new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${surface.signingNames[0]}'.`);
    throw new AuthenticationFailure(error, known);
  }
  // A presigned URL must not be sent with headers its signer never chose, where the surface acts on them.
  const unsigned = surface.requiresSignedAmzHeaders
    ? Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !auth.signedHeaders.includes(name))
    : [];
  if (unsigned.length > 0) {
    const error = new ServiceError('AccessDenied', `There were headers present in the request which were not signed: ${unsigned.join(', ')}.`);
    throw new AuthenticationFailure(error, known);
  }
}

/** The error under the surface's own name for it, as both its reply and the call's record carry it. */
function inProtocol(surface: Surface, error: ServiceError, request: EdgeRequest): ServiceError {
  return surface.protocolError?.(error, request) ?? error;
}
