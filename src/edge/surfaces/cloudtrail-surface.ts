// The CloudTrail API surface: JSON 1.1 requests signed for `cloudtrail`, dispatched to src/operations/cloudtrail.
import { oncePerRequest } from '../once-per-request.js';
import type { EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import { header } from '../edge-request.js';
import { ServiceError } from '../../errors/service-error.js';
import { toRequestParameters, scrubSecrets } from '../../domain/request-parameters.js';
import {
  CLOUDTRAIL_OPERATIONS, isModelledOperation, isReadOnlyName,
} from '../../operations/cloudtrail/cloudtrail-operations.js';
import { OPENTRAIL_API, OPENTRAIL_OPERATIONS } from '../../operations/opentrail/opentrail-operations.js';
import type { Services } from '../../services/services.js';
import { operationAccess, type Operation } from '../../operations/operation.js';
import type { AccessCheck } from '../../domain/access-check.js';
import {
  jsonErrorReply, jsonReply, parseJsonBody, serializationError, targetOperation, type JsonRpcService,
} from '../protocols/json-rpc.js';

const CLOUDTRAIL: JsonRpcService = {
  targetPrefixes: ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101', 'CloudTrail_20131101'],
};
const EVENT_SOURCE = 'cloudtrail.amazonaws.com';

export function cloudTrailSurface(services: Services): Surface {
  const context = (call: CallContext) => ({ ...call, services, now: services.clock.now() });
  const decode = oncePerRequest(decodeCall);
  return {
    signingNames: ['cloudtrail'],
    recognizes: (request) => header(request, 'x-amz-target') !== undefined,
    describe(request) {
      const name = targetOperation(request, CLOUDTRAIL) ?? targetOperation(request, OPENTRAIL_API) ?? unnamedTarget(request);
      return {
        eventSource: EVENT_SOURCE,
        eventName: name,
        readOnly: isReadOnlyName(name),
        requestParameters: null,
        responseElements: null,
      };
    },
    async authorization(call: CallContext, facts: CallFacts) {
      const { operation, input, service } = decode(call, facts);
      const ctx = context(call);
      // Worked out once, before the call runs: the record lists them even when the call is refused or fails.
      if (operation.resources) facts.resources = await operation.resources(input, ctx);
      return withTrailTags(await operationAccess(service, operation, input, ctx, facts.resources), services);
    },
    async invoke(call: CallContext, facts: CallFacts) {
      const { operation, input } = decode(call, facts);
      const output = await operation.run(input, context(call));
      facts.responseElements = recordedResponse(operation, output);
      return jsonReply(output, call.request.requestId);
    },
    errorReply: (error, request) => jsonErrorReply(error, request.requestId),
  };
}

/** A trail's tags are the aws:ResourceTag/<key> condition keys of checks on it. */
async function withTrailTags(checks: AccessCheck[], services: Services): Promise<AccessCheck[]> {
  return Promise.all(checks.map(async (check) => {
    if (!check.resource.startsWith('arn:aws:cloudtrail:')) return check;
    const trail = await services.store.trails.findTrail(check.resource);
    if (!trail?.tags.length) return check;
    return { ...check, context: { ...check.context, ...Object.fromEntries(trail.tags.map((t) => [`aws:ResourceTag/${t.Key}`, t.Value ?? ''])) } };
  }));
}

interface Decoded {
  operation: Operation;
  input: unknown;
  /** The IAM service prefix of the operation's action: `cloudtrail`, or `opentrail` for opentrail's own. */
  service: string;
}

/** The operation and its input; the input goes into the record's requestParameters as soon as it is read. */
function decodeCall(call: CallContext, facts: CallFacts): Decoded {
  const name = targetOperation(call.request, CLOUDTRAIL);
  const operation = name === undefined ? opentrailOperation(call.request) : CLOUDTRAIL_OPERATIONS.get(name);
  if (!operation) throw missingOperation(call.request, name);
  const body = parseJsonBody(call.request, operation.maxBodyBytes);
  facts.requestParameters = operation.requestParameters
    ? operation.requestParameters(body)
    : toRequestParameters(scrubSecrets(body));
  const parsed = operation.input.safeParse(body);
  if (!parsed.success) throw serializationError(parsed.error);
  return { operation: operation as Operation, input: parsed.data, service: name === undefined ? 'opentrail' : 'cloudtrail' };
}

/** opentrail's own operations (OpenTrail_20261101.*) share the CloudTrail surface: same signing name, same keys. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registries hold operations of many shapes
function opentrailOperation(request: EdgeRequest): Operation<any, any> | undefined {
  const name = targetOperation(request, OPENTRAIL_API);
  return name === undefined ? undefined : OPENTRAIL_OPERATIONS.get(name);
}

function recordedResponse(
  operation: { readOnly: boolean; responseElements?: (output: never) => Record<string, unknown> | null },
  output: unknown,
): Record<string, unknown> | null {
  if (operation.responseElements) return operation.responseElements(output as never);
  if (operation.readOnly) return null;
  return toRequestParameters(scrubSecrets(output));
}

function unnamedTarget(request: EdgeRequest): string {
  const target = header(request, 'x-amz-target') ?? '';
  return target.slice(target.lastIndexOf('.') + 1) || 'UnknownOperation';
}

function missingOperation(request: EdgeRequest, name: string | undefined): ServiceError {
  if (name !== undefined && isModelledOperation(name)) {
    return new ServiceError(
      'UnsupportedOperationException',
      `opentrail does not implement ${name} yet; see the project's roadmap for when it comes.`,
    );
  }
  const target = header(request, 'x-amz-target');
  return new ServiceError(
    'UnknownOperationException',
    target ? `The operation ${target} is not part of the CloudTrail API.` : 'The request has no X-Amz-Target header.',
  );
}
