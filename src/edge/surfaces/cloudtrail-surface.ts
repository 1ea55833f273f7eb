// The CloudTrail API surface: JSON 1.1 requests signed for `cloudtrail`, dispatched to src/operations/cloudtrail.
import type { EdgeRequest } from '../edge-request.js';
import type { CallContext, CallFacts, Surface } from '../surface.js';
import { header } from '../edge-request.js';
import { ServiceError } from '../../errors/service-error.js';
import { toRequestParameters, scrubSecrets } from '../../domain/request-parameters.js';
import {
  CLOUDTRAIL_OPERATIONS, isModelledOperation, isReadOnlyName,
} from '../../operations/cloudtrail/cloudtrail-operations.js';
import type { Services } from '../../services/services.js';
import { OPENTRAIL_OPERATIONS } from '../../operations/opentrail/opentrail-operations.js';
import { OPENTRAIL_TARGET_PREFIX } from '../../operations/opentrail/target-prefix.js';
import {
  jsonErrorReply, jsonReply, parseJsonBody, serializationError, targetOperation, type JsonRpcService,
} from '../protocols/json-rpc.js';

const CLOUDTRAIL: JsonRpcService = {
  targetPrefixes: ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101', 'CloudTrail_20131101'],
};
const OPENTRAIL: JsonRpcService = { targetPrefixes: [OPENTRAIL_TARGET_PREFIX] };
const EVENT_SOURCE = 'cloudtrail.amazonaws.com';

export function cloudTrailSurface(services: Services): Surface {
  return {
    signingNames: ['cloudtrail'],
    recognizes: (request) => header(request, 'x-amz-target') !== undefined,
    describe(request) {
      const name = targetOperation(request, CLOUDTRAIL) ?? targetOperation(request, OPENTRAIL) ?? unnamedTarget(request);
      return {
        eventSource: EVENT_SOURCE,
        eventName: name,
        readOnly: isReadOnlyName(name),
        requestParameters: null,
        responseElements: null,
      };
    },
    async invoke(call: CallContext, facts: CallFacts) {
      const name = targetOperation(call.request, CLOUDTRAIL);
      const extension = targetOperation(call.request, OPENTRAIL);
      const operation = name !== undefined ? CLOUDTRAIL_OPERATIONS.get(name) : extension !== undefined ? OPENTRAIL_OPERATIONS.get(extension) : undefined;
      if (!operation) throw missingOperation(call.request, name);
      const body = parseJsonBody(call.request);
      facts.requestParameters = toRequestParameters(scrubSecrets(body));
      const parsed = operation.input.safeParse(body);
      if (!parsed.success) throw serializationError(parsed.error);
      const context = { ...call, services, now: services.clock.now() };
      if (operation.resources) facts.resources = await operation.resources(parsed.data, context);
      const output = await operation.run(parsed.data, context);
      facts.responseElements = recordedResponse(operation, output);
      return jsonReply(output, call.request.requestId);
    },
    errorReply: (error, request) => jsonErrorReply(error, request.requestId),
  };
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
