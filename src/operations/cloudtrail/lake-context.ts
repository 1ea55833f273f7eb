// The lake services' view of a call, and the `resources` its record lists: the event data store or channel it
// names, by ARN (CloudTrail's AWS::CloudTrail::EventDataStore and AWS::CloudTrail::Channel resources).
import type { OperationContext } from '../operation.js';
import type { LakeScope } from '../../services/lake/lake-scope.js';
import type { RecordResource } from '../../domain/record.js';
import { parseLakeReference, type LakeResourceType } from '../../domain/lake/lake-arn.js';

export function lakeScope(context: OperationContext): LakeScope {
  const { store } = context.services;
  return { catalog: store.lake, eventFeed: store.eventFeed, accountId: context.caller.accountId, region: context.region };
}

const RESOURCE_TYPES: Readonly<Record<LakeResourceType, string>> = {
  eventdatastore: 'AWS::CloudTrail::EventDataStore',
  channel: 'AWS::CloudTrail::Channel',
};

/** A reference that names nothing well-formed is the call's own error to report; the record then lists nothing. */
export function lakeResources(type: LakeResourceType, reference: string, context: OperationContext): RecordResource[] {
  const parsed = parseLakeReference(type, reference, { accountId: context.caller.accountId, region: context.region });
  return parsed ? [lakeResource(type, parsed.arn, parsed.accountId)] : [];
}

export function lakeResource(type: LakeResourceType, arn: string, accountId: string): RecordResource {
  return { accountId, type: RESOURCE_TYPES[type], ARN: arn };
}
