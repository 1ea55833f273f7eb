// Which data file holds each object of a folder, from one listing of the folder instead of one metadata read per
// object: for reading many objects of few folders (a day's log files) without their metadata. Only an object with
// its metadata file and exactly one data file is indexed: the store writes a new version beside the old one, then
// renames the metadata naming it into place, then removes the old one, so a lone data file beside the metadata is
// the one the metadata names. Anything else (a write under way, an object written since) is left to the caller's
// metadata read, as is a data file gone by the time it is read.
import fs from 'node:fs';
import path from 'node:path';
import { objectFiles } from './key-path.js';

export class DataFileIndex {
  readonly #folders = new Map<string, Map<string, string>>();

  /** The path of the object's data file, if the folder's listing shows just one; undefined otherwise. */
  dataFile(folder: string, base: string): string | undefined {
    let index = this.#folders.get(folder);
    if (!index) {
      index = indexFolder(folder);
      this.#folders.set(folder, index);
    }
    const name = index.get(base);
    return name === undefined ? undefined : folder + path.sep + name;
  }
}

function indexFolder(folder: string): Map<string, string> {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return new Map();
  }
  const withMeta = new Set<string>();
  const dataFiles = new Map<string, string | null>();
  for (const name of names) {
    const tilde = name.indexOf('~');
    if (tilde < 0) continue;
    const base = name.slice(0, tilde);
    if (name === objectFiles.meta(base)) withMeta.add(base);
    else if (name.startsWith(objectFiles.data(base, ''))) dataFiles.set(base, dataFiles.has(base) ? null : name);
  }
  const index = new Map<string, string>();
  for (const [base, name] of dataFiles) if (name !== null && withMeta.has(base)) index.set(base, name);
  return index;
}
