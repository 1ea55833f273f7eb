// ListTrails (spec §4.3): every trail of the account in every region, once each, by ARN, a page at a time. The
// token is the last ARN of the page, so a page never repeats the token it was given (spec §4.1) and any token,
// even a forged one, is just a place in that order.
import type { StoredTrail } from '../../store/trail-store.js';
import type { TrailScope } from './trail-scope.js';

export const LIST_TRAILS_PAGE_SIZE = 20;

export interface TrailPage {
  trails: StoredTrail[];
  nextToken?: string;
}

export async function listTrails(scope: TrailScope, token: string | undefined): Promise<TrailPage> {
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
  const all = await scope.trails.listTrails(scope.accountId);
  const rest = after === undefined ? all : all.filter((trail) => trail.arn > after);
  const trails = rest.slice(0, LIST_TRAILS_PAGE_SIZE);
  const last = trails.at(-1);
  if (rest.length <= LIST_TRAILS_PAGE_SIZE || !last) return { trails };
  return { trails, nextToken: Buffer.from(last.arn, 'utf8').toString('base64url') };
}
