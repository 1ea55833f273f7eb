// Lists the objects under a bucket's key root in S3's order (ascending key bytes) without reading folders the query
// cannot reach: each folder stands in a min-heap for all its keys under the lowest key it could hold, and is opened
// only when it reaches the top. A folder already known to fall inside one common prefix is not opened at all.
import fs from 'node:fs';
import path from 'node:path';
import { MinHeap } from './min-heap.js';
import { classifyEntry } from './key-path.js';

export interface TreeQuery {
  prefix: Buffer;
  delimiter?: Buffer;
  startAfter?: Buffer;
  maxKeys: number;
}

/** An object's place on disk: its folder and escaped base name. */
export interface TreeObject {
  key: string;
  folder: string;
  base: string;
}

export type TreeEntry<T> = { kind: 'object'; value: T } | { kind: 'prefix'; prefix: string };

export interface TreeListing<T> {
  entries: Array<TreeEntry<T>>;
  isTruncated: boolean;
}

interface Pending {
  /** For a folder, the lowest key it can hold (every key in it starts with these bytes); for an object, its key. */
  bound: Buffer;
  kind: 'folder' | 'object';
  folder: string;
  base: string;
}

/** A folder's entry names, [] for a folder that is gone. */
export type ReadFolder = (folder: string) => string[] | Promise<string[]>;

/**
 * `describe` turns an object into what the listing returns, or undefined when it vanished meanwhile (a concurrent
 * delete); such an object is left out. `readFolder` reads folders through the thread pool unless a one-shot tool
 * that may block (readFolderNow) says otherwise.
 */
export async function listTree<T>(
  root: string,
  query: TreeQuery,
  describe: (object: TreeObject) => Promise<T | undefined>,
  readFolder: ReadFolder = readFolderLater,
): Promise<TreeListing<T>> {
  const entries: Array<TreeEntry<T>> = [];
  if (query.maxKeys <= 0) return { entries, isTruncated: false };
  const heap = new MinHeap<Pending>(byBound);
  heap.push({ bound: Buffer.alloc(0), kind: 'folder', folder: root, base: '' });
  let lastPrefix: Buffer | undefined;
  for (let item = heap.pop(); item; item = heap.pop()) {
    if (lastPrefix && startsWith(item.bound, lastPrefix)) continue;
    const next: TreeEntry<T> | undefined =
      item.kind === 'folder' ? await visitFolder<T>(item, query, heap, readFolder) : await visitObject(item, query, describe);
    if (!next) continue;
    if (entries.length === query.maxKeys) return { entries, isTruncated: true };
    entries.push(next);
    if (next.kind === 'prefix') lastPrefix = Buffer.from(next.prefix, 'utf8');
  }
  return { entries, isTruncated: false };
}

async function visitFolder<T>(item: Pending, query: TreeQuery, heap: MinHeap<Pending>, readFolder: ReadFolder): Promise<TreeEntry<T> | undefined> {
  const { bound } = item;
  if (!startsWith(bound, query.prefix) && !startsWith(query.prefix, bound)) return undefined;
  if (query.startAfter && Buffer.compare(bound, query.startAfter) < 0 && !startsWith(query.startAfter, bound)) return undefined;
  const prefix = commonPrefix(bound, query);
  if (prefix) {
    const listable = !query.startAfter || Buffer.compare(prefix, query.startAfter) > 0;
    return listable && (await holdsObject(item.folder, readFolder)) ? { kind: 'prefix', prefix: prefix.toString('utf8') } : undefined;
  }
  for (const name of await readFolder(item.folder)) {
    const entry = classifyEntry(name);
    if (entry.kind === 'other') continue;
    const child = Buffer.concat([bound, entry.fragment]);
    if (entry.kind === 'folder') heap.push({ bound: child, kind: 'folder', folder: path.join(item.folder, name), base: '' });
    else heap.push({ bound: child, kind: 'object', folder: item.folder, base: entry.base });
  }
  return undefined;
}

async function visitObject<T>(
  item: Pending,
  query: TreeQuery,
  describe: (object: TreeObject) => Promise<T | undefined>,
): Promise<TreeEntry<T> | undefined> {
  const key = item.bound;
  if (!startsWith(key, query.prefix)) return undefined;
  if (query.startAfter && Buffer.compare(key, query.startAfter) <= 0) return undefined;
  const prefix = commonPrefix(key, query);
  if (prefix) {
    if (query.startAfter && Buffer.compare(prefix, query.startAfter) <= 0) return undefined;
    return { kind: 'prefix', prefix: prefix.toString('utf8') };
  }
  const value = await describe({ key: key.toString('utf8'), folder: item.folder, base: item.base });
  return value === undefined ? undefined : { kind: 'object', value };
}

/** The common prefix every key starting with `bytes` rolls up into, when the delimiter already occurs in them. */
function commonPrefix(bytes: Buffer, query: TreeQuery): Buffer | undefined {
  if (!query.delimiter || query.delimiter.length === 0 || bytes.length < query.prefix.length) return undefined;
  const at = bytes.indexOf(query.delimiter, query.prefix.length);
  return at < 0 ? undefined : bytes.subarray(0, at + query.delimiter.length);
}

/** Whether any object lives below the folder: folders emptied by a delete may linger until it prunes them. */
async function holdsObject(folder: string, readFolder: ReadFolder): Promise<boolean> {
  for (const name of await readFolder(folder)) {
    const entry = classifyEntry(name);
    if (entry.kind === 'object') return true;
    if (entry.kind === 'folder' && (await holdsObject(path.join(folder, name), readFolder))) return true;
  }
  return false;
}

async function readFolderLater(folder: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** readFolder on this thread: for one-shot tools, where a trip to the thread pool per folder costs more than the folder. */
export function readFolderNow(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function byBound(a: Pending, b: Pending): number {
  // An object whose key equals a folder's bound sorts first: the folder's other keys are longer.
  return Buffer.compare(a.bound, b.bound) || (a.kind === b.kind ? 0 : a.kind === 'object' ? -1 : 1);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
