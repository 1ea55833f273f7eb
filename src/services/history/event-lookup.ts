// Event History lookups (spec §4.6): the rules of time range, category, page size and tokens, independent of the
// wire. AWS takes one lookup attribute; opentrail ANDs several (a documented extension).
import type { EventHistory, HistoryFilter, HistoryRow } from '../../store/store.js';
import { ServiceError } from '../../errors/service-error.js';
import { HistoryTokenCodec, queryBinding } from './history-token.js';

export interface LookupRequest {
  accountId: string;
  region: string;
  filters: readonly HistoryFilter[];
  start?: Date;
  end?: Date;
  category: 'management' | 'insight';
  maxResults: number;
  nextToken?: string;
}

export interface LookupResult {
  rows: HistoryRow[];
  nextToken?: string;
}

export interface LookupDependencies {
  history: EventHistory;
  tokens: HistoryTokenCodec;
  now: Date;
  retentionDays: number;
}

const DAY_MS = 86_400_000;

export async function lookupEvents(request: LookupRequest, deps: LookupDependencies): Promise<LookupResult> {
  const binding = queryBinding([
    request.accountId, request.region, request.filters, request.start?.getTime() ?? null,
    request.end?.getTime() ?? null, request.category,
  ]);
  const resumed = request.nextToken === undefined ? undefined : resume(request.nextToken, binding, deps.tokens);
  const startMs = resumed?.startMs ?? request.start?.getTime() ?? deps.now.getTime() - deps.retentionDays * DAY_MS;
  const endMs = resumed?.endMs ?? request.end?.getTime() ?? deps.now.getTime();
  if (request.start && request.end && request.start.getTime() > request.end.getTime()) {
    throw new ServiceError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  }
  const page = await deps.history.lookup({
    accountId: request.accountId,
    region: request.region,
    startMs,
    endMs,
    filters: request.filters,
    category: request.category,
    limit: request.maxResults,
    ...(resumed ? { after: resumed.after } : {}),
  });
  const last = page.rows.at(-1);
  if (!page.more || !last) return { rows: page.rows };
  const nextToken = deps.tokens.encode({ binding, startMs, endMs, after: { timeMs: last.timeMs, seq: last.seq } });
  return { rows: page.rows, nextToken };
}

function resume(token: string, binding: string, tokens: HistoryTokenCodec) {
  const state = tokens.decode(token);
  if (!state) throw new ServiceError('InvalidNextTokenException', 'Invalid NextToken.');
  if (state.binding !== binding) {
    throw new ServiceError(
      'InvalidNextTokenException',
      'The NextToken was issued for other lookup parameters; send it with the same parameters as the request that returned it.',
    );
  }
  return state;
}
