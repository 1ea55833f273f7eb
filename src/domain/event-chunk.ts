// A chunk of events in the form it crosses between threads (the import's parser, PutAuditEvents' ingest threads). Structured
// cloning an array of IndexedEvents copies every string of every event and builds ~20 objects per event on the
// receiving side, whose garbage collection then costs more than the inserting itself. Here the records' text
// travels as one string that each event's json is a slice of, the other strings once per chunk however many
// events repeat them, and the numbers in typed arrays that are transferred, not copied.
import type { EventOrigin, IndexedEvent } from './indexed-event.js';
import type { HistoryAttributes, HistoryResource } from './history-attributes.js';

export interface EventChunk {
  /** Every event's json, one after another. */
  text: string;
  /** Where each event's json ends in `text`. */
  ends: Int32Array;
  times: Float64Array;
  /** Per event: IN_HISTORY, HAS_READ_ONLY, READ_ONLY. */
  flags: Uint8Array;
  /** The chunk's distinct strings, which `refs` and `resourceRefs` point into. */
  strings: string[];
  /** Per event, FIELDS.length entries: the index in `strings` of each field, -1 when it is absent. */
  refs: Int32Array;
  /** Where each event's resources end in `resourceRefs`, which holds a (type or -1, name) pair per resource. */
  resourceEnds: Int32Array;
  resourceRefs: Int32Array;
}

const FIELDS = [
  'eventId', 'accountId', 'region', 'category', 'origin', 'eventName', 'eventSource', 'username', 'accessKeyId', 'channelArn',
  'channelStores',
] as const;
/** Joins a list of ARNs (which hold no line breaks) into the one string a field travels as. */
const LIST_SEPARATOR = '\n';
const IN_HISTORY = 1;
const HAS_READ_ONLY = 2;
const READ_ONLY = 4;
/** Well below V8's longest string; a chunk of records longer than this in all travels as plain events. */
const MAX_TEXT = 1 << 27;

/** Undefined when the chunk's records are too long to join into one string. */
export function encodeChunk(events: readonly IndexedEvent[]): EventChunk | undefined {
  let length = 0;
  for (const event of events) length += event.json.length;
  if (length > MAX_TEXT) return undefined;
  const strings = new StringTable();
  const ends = new Int32Array(events.length);
  const times = new Float64Array(events.length);
  const flags = new Uint8Array(events.length);
  const refs = new Int32Array(events.length * FIELDS.length);
  const resourceEnds = new Int32Array(events.length);
  const resourceRefs: number[] = [];
  let end = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    end += event.json.length;
    ends[i] = end;
    times[i] = event.timeMs;
    flags[i] = flagsOf(event);
    const a = event.attributes;
    const base = i * FIELDS.length;
    refs[base] = strings.ref(event.eventId);
    refs[base + 1] = strings.ref(event.accountId);
    refs[base + 2] = strings.ref(event.region);
    refs[base + 3] = strings.ref(event.category);
    refs[base + 4] = strings.ref(event.origin);
    refs[base + 5] = strings.ref(a.eventName);
    refs[base + 6] = strings.ref(a.eventSource);
    refs[base + 7] = strings.ref(a.username);
    refs[base + 8] = strings.ref(a.accessKeyId);
    refs[base + 9] = strings.ref(event.channelArn);
    refs[base + 10] = strings.ref(event.channelStores?.join(LIST_SEPARATOR));
    for (const r of a.resources) resourceRefs.push(strings.ref(r.type), strings.ref(r.name));
    resourceEnds[i] = resourceRefs.length;
  }
  return {
    text: events.map((e) => e.json).join(''), ends, times, flags, strings: strings.values, refs, resourceEnds,
    resourceRefs: Int32Array.from(resourceRefs),
  };
}

/** The buffers postMessage can transfer rather than copy. */
export function transferablesOf(chunk: EventChunk): ArrayBuffer[] {
  return [chunk.ends, chunk.times, chunk.flags, chunk.refs, chunk.resourceEnds, chunk.resourceRefs]
    .map((array) => array.buffer as ArrayBuffer);
}

export function decodeChunk(chunk: EventChunk): IndexedEvent[] {
  const { text, ends, times, flags, strings, refs, resourceEnds, resourceRefs } = chunk;
  const events: IndexedEvent[] = new Array<IndexedEvent>(ends.length);
  let start = 0;
  let resourceStart = 0;
  // The events of one call share their channel's list: one array for all of them.
  const lists = new Map<number, readonly string[]>();
  for (let i = 0; i < ends.length; i++) {
    const base = i * FIELDS.length;
    const eventId = stringAt(strings, refs[base]!)!;
    const attributes: HistoryAttributes = {
      eventId, eventName: stringAt(strings, refs[base + 5]!)!, eventSource: stringAt(strings, refs[base + 6]!)!, resources: [],
    };
    if (flags[i]! & HAS_READ_ONLY) attributes.readOnly = (flags[i]! & READ_ONLY) !== 0;
    const username = stringAt(strings, refs[base + 7]!);
    if (username !== undefined) attributes.username = username;
    const accessKeyId = stringAt(strings, refs[base + 8]!);
    if (accessKeyId !== undefined) attributes.accessKeyId = accessKeyId;
    for (let r = resourceStart; r < resourceEnds[i]!; r += 2) attributes.resources.push(resourceOf(strings, resourceRefs[r]!, resourceRefs[r + 1]!));
    resourceStart = resourceEnds[i]!;
    events[i] = {
      json: text.slice(start, ends[i]), eventId, accountId: stringAt(strings, refs[base + 1]!)!,
      region: stringAt(strings, refs[base + 2]!)!, timeMs: times[i]!, category: stringAt(strings, refs[base + 3]!)!,
      inHistory: (flags[i]! & IN_HISTORY) !== 0, origin: stringAt(strings, refs[base + 4]!) as EventOrigin, attributes,
    };
    const channelArn = stringAt(strings, refs[base + 9]!);
    if (channelArn !== undefined) events[i]!.channelArn = channelArn;
    const storesRef = refs[base + 10]!;
    if (storesRef >= 0) events[i]!.channelStores = listAt(strings, storesRef, lists);
    start = ends[i]!;
  }
  return events;
}

function listAt(strings: readonly string[], ref: number, lists: Map<number, readonly string[]>): readonly string[] {
  let list = lists.get(ref);
  if (list === undefined) {
    const joined = strings[ref]!;
    list = joined === '' ? [] : joined.split(LIST_SEPARATOR);
    lists.set(ref, list);
  }
  return list;
}

function flagsOf(event: IndexedEvent): number {
  const readOnly = event.attributes.readOnly;
  return (event.inHistory ? IN_HISTORY : 0) | (readOnly === undefined ? 0 : HAS_READ_ONLY | (readOnly ? READ_ONLY : 0));
}

function stringAt(strings: readonly string[], ref: number): string | undefined {
  return ref < 0 ? undefined : strings[ref];
}

function resourceOf(strings: readonly string[], type: number, name: number): HistoryResource {
  return type < 0 ? { name: strings[name]! } : { type: strings[type]!, name: strings[name]! };
}

class StringTable {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  ref(value: string | undefined): number {
    if (value === undefined) return -1;
    let at = this.#index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.#index.set(value, at);
    }
    return at;
  }
}
