// CloudTrail Lake resource ARNs (spec §4.8, §4.10): `arn:aws:cloudtrail:<region>:<account>:eventdatastore/<uuid>`
// and `…:channel/<uuid>`. Parameters accept the ARN or the bare id; a bare id names a resource of the caller's
// account in the request's region.

import { REGION_NAME } from '../region-name.js';

export type LakeResourceType = 'eventdatastore' | 'channel';

export interface LakeArn {
  arn: string;
  region: string;
  accountId: string;
  id: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BARE_ID = new RegExp(`^${UUID}$`);
const ARN = new RegExp(`^arn:aws[a-z-]*:cloudtrail:(${REGION_NAME}):(\\d{12}):(eventdatastore|channel)/(${UUID})$`);

export function lakeArn(type: LakeResourceType, region: string, accountId: string, id: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:${type}/${id}`;
}

/** The resource a parameter names, or undefined when it is neither a well-formed ARN of the type nor a bare id. */
export function parseLakeReference(
  type: LakeResourceType,
  text: string,
  where: { region: string; accountId: string },
): LakeArn | undefined {
  if (BARE_ID.test(text)) return { arn: lakeArn(type, where.region, where.accountId, text), ...where, id: text };
  const match = ARN.exec(text);
  if (!match || match[3] !== type) return undefined;
  return { arn: text, region: match[1]!, accountId: match[2]!, id: match[4]! };
}

/** The id a SQL query names the store by (FROM <id>), and ListEventDataStores' sort key. */
export function lakeIdOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
