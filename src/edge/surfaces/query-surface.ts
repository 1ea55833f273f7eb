// A service spoken in the AWS Query protocol (IAM, STS) on the shared port: decode the form, dispatch to the
// operation registry, answer in XML.
import { oncePerRequest } from '../once-per-request.js';
import type { EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import { ServiceError } from '../../errors/service-error.js';
import { toRequestParameters, scrubSecrets } from '../../domain/request-parameters.js';
import { operationAccess, type Operation, type OperationContext } from '../../operations/operation.js';
import type { Services } from '../../services/services.js';
import {
  looksLikeQuery, queryAction, queryErrorReply, queryInput, queryParameters, queryProtocolError, queryReply,
  queryValidationError, type QueryService,
} from '../protocols/aws-query.js';
import { recordedOutput } from '../../domain/global-service-output.js';

export interface QuerySurfaceDefinition extends QueryService {
  signingName: string;
  eventSource: string;
  /** Where a global service's calls are recorded whatever region they were signed for (IAM: us-east-1). */
  recordedRegion?: string;
  /** What GetSessionToken's credentials (without MFA, as opentrail issues them) may call here; nothing by default. */
  userSessionActions?: readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- registries hold operations of many shapes
  operations: ReadonlyMap<string, Operation<any, any>>;
}

export function querySurface(definition: QuerySurfaceDefinition, services: Services): Surface {
  const context = (call: CallContext): OperationContext => ({ ...call, services, now: services.clock.now() });
  const decode = oncePerRequest((call: CallContext, facts: CallFacts) => decodeCall(definition, call.request, facts));
  return {
    signingNames: [definition.signingName],
    recognizes: (request) => looksLikeQuery(request) && definition.operations.has(actionOf(request) ?? ''),
    describe(request) {
      const name = actionOf(request) ?? 'UnknownOperation';
      const operation = definition.operations.get(name);
      return {
        eventSource: definition.eventSource,
        eventName: name,
        readOnly: operation?.readOnly ?? /^(Get|List)/.test(name),
        requestParameters: null,
        responseElements: null,
        ...(definition.recordedRegion ? { region: definition.recordedRegion } : {}),
      };
    },
    async authorization(call, facts) {
      const { operation, input } = decode(call, facts);
      if (isUserSession(call) && !definition.userSessionActions?.includes(operation.name)) throw invalidToken();
      const ctx = context(call);
      if (operation.resources) facts.resources = await operation.resources(input, ctx);
      return operationAccess(definition.signingName, operation, input, ctx, facts.resources);
    },
    async invoke(call, facts) {
      const { operation, input } = decode(call, facts);
      const output = (await operation.run(input, context(call))) as Record<string, unknown> | undefined;
      facts.responseElements = recordedResponse(operation, output);
      return queryReply(definition, operation.name, output, call.request.requestId);
    },
    protocolError: (error) => queryProtocolError(error),
    errorReply: (error, request) => queryErrorReply(definition, queryProtocolError(error), request.requestId),
  };
}

/** Credentials from GetSessionToken: a user's (or root's) own session rather than a role's. */
function isUserSession(call: CallContext): boolean {
  return call.caller.session !== undefined && call.caller.session.issuer.type !== 'Role';
}

/** IAM and STS refuse GetSessionToken credentials without MFA as if the token were unknown. */
function invalidToken(): ServiceError {
  return new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid');
}

function actionOf(request: EdgeRequest): string | undefined {
  try {
    return queryParameters(request).get('Action') ?? undefined;
  } catch {
    return undefined;
  }
}

function decodeCall(definition: QuerySurfaceDefinition, request: EdgeRequest, facts: CallFacts) {
  const params = queryParameters(request);
  const name = queryAction(params, definition);
  const operation = definition.operations.get(name);
  if (!operation) throw new ServiceError('InvalidAction', `Could not find operation ${name} for version ${definition.version}`);
  const raw = queryInput(params);
  facts.requestParameters = toRequestParameters(scrubSecrets(raw));
  const parsed = operation.input.safeParse(raw);
  if (!parsed.success) throw queryValidationError(parsed.error);
  // Read as the model types them: the record shows numbers and booleans, not the form's text.
  facts.requestParameters = toRequestParameters(scrubSecrets(parsed.data));
  return { operation, input: parsed.data as unknown };
}

function recordedResponse(operation: Operation<unknown, unknown>, output: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (operation.responseElements) return operation.responseElements(output);
  if (operation.readOnly || output === undefined) return null;
  return recordedOutput(output);
}
