// Paging of ListEventDataStores and ListChannels: resources in ARN order, the token the last ARN of the page
// (base64url), so that a token is just a place in that order and a page never repeats the token it was given.
import { ServiceError } from '../../errors/service-error.js';

export interface ArnPage<T> {
  items: T[];
  nextToken?: string;
}

const TOKEN = /^[A-Za-z0-9_-]{4,1000}$/;

export function pageByArn<T extends { arn: string }>(all: readonly T[], token: string | undefined, size: number): ArnPage<T> {
  const after = token === undefined ? undefined : decodeToken(token);
  const rest = after === undefined ? all : all.filter((item) => item.arn > after);
  const items = rest.slice(0, size);
  const last = items.at(-1);
  if (rest.length <= size || !last) return { items };
  return { items, nextToken: Buffer.from(last.arn, 'utf8').toString('base64url') };
}

function decodeToken(token: string): string {
  const arn = TOKEN.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  if (!arn.startsWith('arn:')) throw new ServiceError('InvalidNextTokenException', 'The NextToken is not valid; start again without one.');
  return arn;
}
