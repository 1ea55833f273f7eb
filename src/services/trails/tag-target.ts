// The resource a tag operation names (spec §4.7): always an ARN. Trails are the only taggable resources opentrail
// has so far; ARNs of event data stores, channels and dashboards are well-formed but name nothing here.
import { ServiceError } from '../../errors/service-error.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import type { StoredTrail } from '../../store/trail-store.js';
import { checkTrailName } from './trail-name.js';
import { invalidTrailArn, looksLikeArn, parseCloudTrailArn, parseTrailArn } from './trail-arn.js';
import type { TrailScope } from './trail-scope.js';

const ARN_SERVICE = /^arn:[^:]*:([^:]*):/;
const CLOUDTRAIL_RESOURCE_TYPE = /^arn:[^:]*:cloudtrail:[^:]*:[^:]*:([A-Za-z]+)\//;

const INVALID_ARN_CODE: Readonly<Record<string, ErrorCode>> = {
  eventdatastore: 'EventDataStoreARNInvalidException',
  channel: 'ChannelARNInvalidException',
};

/** The trail a tag operation names; throws the modelled exception for every other kind of ResourceId. */
export async function resolveTaggedTrail(scope: TrailScope, resourceId: string): Promise<StoredTrail> {
  const parsed = parseCloudTrailArn(resourceId);
  if (!parsed) throw unusableResourceId(resourceId);
  if (parsed.resourceType !== 'trail') throw missingResource(resourceId, parsed.resourceType);
  const { arn, accountId } = parseTrailArn(resourceId);
  const trail = accountId === scope.accountId ? await scope.trails.findTrail(arn) : undefined;
  if (!trail) throw missingTaggedTrail(resourceId);
  return trail;
}

/** Tags change only where the trail lives: its shadows in other regions are read-only (spec §4.7). */
export function requireTagHomeRegion(trail: StoredTrail, region: string): void {
  if (trail.homeRegion !== region) {
    throw new ServiceError(
      'OperationNotPermittedException',
      `The tags of trail ${trail.arn} can only be changed in its home region, ${trail.homeRegion}; this request was made in ${region}.`,
    );
  }
}

function unusableResourceId(resourceId: string): ServiceError {
  if (!looksLikeArn(resourceId)) {
    checkTrailName(resourceId);
    return new ServiceError('CloudTrailARNInvalidException', `ResourceId must be an ARN, not a name: ${resourceId}.`);
  }
  const service = ARN_SERVICE.exec(resourceId)?.[1];
  if (service !== undefined && service !== 'cloudtrail') {
    return new ServiceError('ResourceTypeNotSupportedException', `Resources of ${service} cannot be tagged through CloudTrail: ${resourceId}.`);
  }
  const resourceType = CLOUDTRAIL_RESOURCE_TYPE.exec(resourceId)?.[1] ?? '';
  const code = INVALID_ARN_CODE[resourceType];
  return code ? new ServiceError(code, `Invalid ${resourceType} ARN: ${resourceId}.`) : invalidTrailArn(resourceId);
}

/** A tagged trail's ARN that names no trail (also one deleted while its tags were being changed). */
export function missingTaggedTrail(resourceId: string): ServiceError {
  return missingResource(resourceId, 'trail');
}

function missingResource(resourceId: string, resourceType: string): ServiceError {
  if (resourceType === 'eventdatastore') {
    return new ServiceError('EventDataStoreNotFoundException', `The event data store ${resourceId} does not exist.`);
  }
  if (!['trail', 'channel', 'dashboard'].includes(resourceType)) {
    return new ServiceError('ResourceTypeNotSupportedException', `CloudTrail resources of type ${resourceType} cannot be tagged.`);
  }
  return new ServiceError('ResourceNotFoundException', `Resource not found: ${resourceId}.`);
}
