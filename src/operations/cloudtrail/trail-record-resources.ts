// The `resources` of a trail call's record: the trail it names, by ARN, as CloudTrail lists
// `AWS::CloudTrail::Trail` resources. Worked out before the call runs, so that failed calls name the trail too.
import type { RecordResource } from '../../domain/record.js';
import { ServiceError } from '../../errors/service-error.js';
import { findTrail, type NameReach } from '../../services/trails/find-trail.js';
import { trailArn } from '../../services/trails/trail-arn.js';
import { parseTrailReference } from '../../services/trails/trail-reference.js';
import type { OperationContext } from '../operation.js';
import { trailScope } from './trail-context.js';

export const TRAIL_RESOURCE_TYPE = 'AWS::CloudTrail::Trail';

export function trailResource(arn: string, accountId: string): RecordResource {
  return { accountId, type: TRAIL_RESOURCE_TYPE, ARN: arn };
}

/** The trail a name or ARN stands for; a trail that does not exist is named by the ARN it would have. */
export async function namedTrailResources(
  context: OperationContext,
  nameOrArn: string,
  reach: NameReach = 'visible',
): Promise<RecordResource[]> {
  const scope = trailScope(context);
  try {
    const reference = parseTrailReference(nameOrArn);
    if (reference.kind === 'arn') return [trailResource(reference.arn, reference.accountId)];
    const trail = await findTrail(scope, nameOrArn, reach);
    return [trailResource(trail?.arn ?? trailArn(scope.region, scope.accountId, reference.name), scope.accountId)];
  } catch (err) {
    // An argument that names no trail at all is the call's own error to report; the record just lists nothing.
    if (err instanceof ServiceError) return [];
    throw err;
  }
}

/** The trail ARNs among a tag call's resource ids. */
export function taggedTrailResources(resourceIds: readonly string[]): RecordResource[] {
  const resources: RecordResource[] = [];
  for (const resourceId of resourceIds) {
    try {
      const reference = parseTrailReference(resourceId);
      if (reference.kind === 'arn') resources.push(trailResource(reference.arn, reference.accountId));
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
    }
  }
  return resources;
}
