// A `Name`/`TrailName` argument: every trail operation takes the trail's name or its ARN (spec §4.3).
import { checkTrailName } from './trail-name.js';
import { looksLikeArn, parseTrailArn, type TrailArnParts } from './trail-arn.js';

export type TrailReference = ({ kind: 'arn' } & TrailArnParts) | { kind: 'name'; name: string };

/** Throws CloudTrailARNInvalidException for a malformed ARN and InvalidTrailNameException for a bad name. */
export function parseTrailReference(text: string): TrailReference {
  if (looksLikeArn(text)) return { kind: 'arn', ...parseTrailArn(text) };
  checkTrailName(text);
  return { kind: 'name', name: text };
}
