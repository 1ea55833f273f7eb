// The eventName a route gets unless it names its own: CloudTrail's verb-and-noun style read off the method and
// the route pattern. GET /orders → ListOrders, GET /orders/:id → GetOrder, POST /orders → CreateOrder,
// PATCH /orders/:id → UpdateOrder, DELETE /orders/:id → DeleteOrder, POST /orders/:id/cancel → CancelOrder,
// GET /users/:id/orders → ListUserOrders.

const ITEM_VERBS: Record<string, string> = { GET: 'Get', PUT: 'Put', PATCH: 'Update', DELETE: 'Delete', POST: 'Post', HEAD: 'Head', OPTIONS: 'Options' };
const COLLECTION_VERBS: Record<string, string> = { ...ITEM_VERBS, GET: 'List', POST: 'Create' };
const IGNORED = /^(api|v\d+(\.\d+)*)$/i;

export function eventNameFor(method: string, route: string): string {
  const segments = route.split('/').map((s) => s.replace(/[{}]/g, '')).filter((s) => s !== '' && !IGNORED.test(s));
  const last = segments.at(-1);
  const nouns = segments.filter((s) => !isParameter(s)).map(pascal).filter((s) => s !== '');
  const verb = method.toUpperCase();
  if (nouns.length === 0) return `${ITEM_VERBS[verb] ?? pascal(method.toLowerCase())}Root`;
  const lastNoun = nouns.at(-1)!;
  const owners = nouns.slice(0, -1).map(singular).join('');
  if (last === undefined || isParameter(last)) return `${ITEM_VERBS[verb] ?? pascal(method.toLowerCase())}${owners}${singular(lastNoun)}`;
  if (!isPlural(lastNoun)) {
    // a singular word after an item is an action on it (POST /orders/:id/cancel), otherwise a singleton resource
    const action = verb === 'POST' && segments.length > 1 && isParameter(segments.at(-2)!);
    return action ? `${lastNoun}${owners}` : `${ITEM_VERBS[verb] ?? pascal(method.toLowerCase())}${owners}${lastNoun}`;
  }
  const verbWord = COLLECTION_VERBS[verb] ?? pascal(method.toLowerCase());
  return `${verbWord}${owners}${verb === 'POST' ? singular(lastNoun) : lastNoun}`;
}

function isParameter(segment: string): boolean {
  return segment.startsWith(':') || segment.startsWith('*');
}

function pascal(word: string): string {
  return word.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function isPlural(word: string): boolean {
  return /[^su]s$/i.test(word) || /(ss|x|ch|sh)es$/i.test(word);
}

function singular(word: string): string {
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (isPlural(word)) return word.slice(0, -1);
  return word;
}
