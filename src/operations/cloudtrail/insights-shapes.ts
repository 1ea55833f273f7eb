// The target members of PutInsightSelectors and GetInsightSelectors (spec §4.4): a trail or an event data store.
import { z } from 'zod';
import type { RecordResource } from '../../domain/record.js';
import type { OperationContext } from '../operation.js';
import { namedTrailResources } from './trail-record-resources.js';

export const insightsTargetShape = {
  TrailName: z.string().optional(),
  EventDataStore: z.string().optional(),
};

export async function insightsTrailResources(
  { TrailName }: { TrailName?: string | undefined },
  context: OperationContext,
): Promise<RecordResource[]> {
  return TrailName === undefined ? [] : namedTrailResources(context, TrailName);
}
