// CloudTrail ARNs (spec §4.3): `arn:aws:cloudtrail:<homeRegion>:<account>:trail/<name>` for trails, and the same
// form with `eventdatastore/`, `channel/` or `dashboard/` for the other taggable resources (spec §4.7).
import { ServiceError } from '../../errors/service-error.js';
import { trailNameProblem } from './trail-name.js';
import { REGION_NAME } from '../../domain/region-name.js';

export interface CloudTrailArn {
  region: string;
  accountId: string;
  /** `trail`, `eventdatastore`, `channel`, `dashboard`. */
  resourceType: string;
  resourceId: string;
}

export interface TrailArnParts {
  arn: string;
  region: string;
  accountId: string;
  name: string;
}

const CLOUDTRAIL_ARN = new RegExp(`^arn:aws[a-z-]*:cloudtrail:(${REGION_NAME}):(\\d{12}):([a-z]+)/(.+)$`);

export function trailArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}

/** Whether the caller meant an ARN rather than a name: anything in ARN form is judged as an ARN. */
export function looksLikeArn(text: string): boolean {
  return text.startsWith('arn:');
}

export function parseCloudTrailArn(text: string): CloudTrailArn | undefined {
  const match = CLOUDTRAIL_ARN.exec(text);
  if (!match) return undefined;
  const [, region, accountId, resourceType, resourceId] = match;
  return { region: region!, accountId: accountId!, resourceType: resourceType!, resourceId: resourceId! };
}

/** Throws CloudTrailARNInvalidException unless the text is a well-formed trail ARN with a valid trail name. */
export function parseTrailArn(text: string): TrailArnParts {
  const parsed = parseCloudTrailArn(text);
  if (!parsed || parsed.resourceType !== 'trail' || trailNameProblem(parsed.resourceId) !== undefined) {
    throw invalidTrailArn(text);
  }
  return { arn: text, region: parsed.region, accountId: parsed.accountId, name: parsed.resourceId };
}

export function invalidTrailArn(text: string): ServiceError {
  return new ServiceError(
    'CloudTrailARNInvalidException',
    `Invalid CloudTrail ARN: ${text}. A trail ARN has the form arn:aws:cloudtrail:<region>:<account-id>:trail/<trail-name>.`,
  );
}
