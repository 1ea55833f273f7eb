// How an object key becomes a path under its bucket's folder, and back. The key's `/`-separated segments become
// folders, so a listing walks only the folders its prefix names and operators can find files by eye. Each segment is
// escaped into a name that is safe everywhere: only a-z, 0-9, `-`, `_`, `.` stay; upper-case letters become `^` and
// the letter (names never differ by case alone, so case-insensitive filesystems are safe); every other byte becomes
// `%xx`; a leading `.` is escaped, so `.` and `..` cannot occur; an empty segment is `%`. A segment too long for one
// name is split into folders whose names end in `+` ("continued"). Object files carry a `~` suffix, which escaped
// names never contain, so an object and a folder of the same key prefix never collide.

/** Longest escaped piece in one name; leaves room for the `~…` suffixes under the usual 255-byte name limit. */
const MAX_PIECE = 200;
const CONTINUED = '+';
const EMPTY_SEGMENT = '%';
const SLASH = 0x2f;

export interface KeyPath {
  /** Folder names from the bucket's key root down to the object's folder. */
  folders: string[];
  /** The object's escaped name: its files are named from it (see objectFiles). */
  base: string;
}

export function keyToPath(key: string): KeyPath {
  return plainKeyPath(key) ?? escapedKeyPath(key);
}

/** Letters, digits, `-`, `_`, `.` and `/` only: what log file and digest keys are made of. */
const PLAIN_KEY = /^[A-Za-z0-9_.\/-]+$/;
const UPPER = /[A-Z]/g;

/**
 * keyToPath of a key whose segments need no escaping but upper-case letters, worked out on its characters: the
 * byte-by-byte escaping costs ~8 µs a key until compiled, which is much of reading a thousand small log files.
 * undefined for any other key (empty segments, a leading dot, segments too long for one name).
 */
function plainKeyPath(key: string): KeyPath | undefined {
  if (!PLAIN_KEY.test(key)) return undefined;
  const names = key.split('/').map((segment) => segment.replace(UPPER, '^$&').toLowerCase());
  if (names.some((name) => name === '' || name.startsWith('.') || name.length > MAX_PIECE)) return undefined;
  const base = names.pop()!;
  return { folders: names, base };
}

function escapedKeyPath(key: string): KeyPath {
  const folders: string[] = [];
  let base = '';
  const segments = splitBytes(Buffer.from(key, 'utf8'), SLASH);
  segments.forEach((segment, i) => {
    const pieces = escapeSegment(segment);
    const final = pieces.pop()!;
    folders.push(...pieces.map((piece) => piece + CONTINUED));
    if (i === segments.length - 1) base = final;
    else folders.push(final);
  });
  return { folders, base };
}

/** The files of one object, all in its folder: metadata (the commit point), data versions and temporaries. */
export const objectFiles = {
  meta: (base: string): string => `${base}~meta`,
  data: (base: string, version: string): string => `${base}~v${version}`,
  temp: (base: string, id: string): string => `${base}~t${id}`,
  /** Whether a folder entry is one of `base`'s data or temporary files. */
  isVersionOrTemp: (base: string, name: string): boolean =>
    name.startsWith(`${base}~v`) || name.startsWith(`${base}~t`),
};

/** What one entry of a folder under the key root stands for, in key bytes. */
export type TreeEntry =
  | { kind: 'folder'; fragment: Buffer }
  | { kind: 'object'; fragment: Buffer; base: string }
  | { kind: 'other' };

/**
 * A plain folder adds its segment and a `/`; a continued folder adds part of a segment; an object's metadata file
 * ends the key. Data files, temporaries and anything unknown are `other`.
 */
export function classifyEntry(name: string): TreeEntry {
  const tilde = name.indexOf('~');
  if (tilde >= 0) {
    const base = name.slice(0, tilde);
    const fragment = name.slice(tilde + 1) === 'meta' ? unescapeName(base) : undefined;
    return fragment ? { kind: 'object', fragment, base } : { kind: 'other' };
  }
  if (name.endsWith(CONTINUED)) {
    const fragment = unescapeName(name.slice(0, -1));
    return fragment && fragment.length > 0 ? { kind: 'folder', fragment } : { kind: 'other' };
  }
  const fragment = unescapeName(name);
  return fragment ? { kind: 'folder', fragment: Buffer.concat([fragment, Buffer.of(SLASH)]) } : { kind: 'other' };
}

function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === separator) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/** One segment's escaped pieces; more than one only when it is too long for one name. */
function escapeSegment(segment: Buffer): string[] {
  if (segment.length === 0) return [EMPTY_SEGMENT];
  const pieces: string[] = [];
  let piece = '';
  for (const byte of segment) {
    let token = escapeByte(byte);
    if (piece.length + token.length > MAX_PIECE) {
      pieces.push(piece);
      piece = '';
    }
    if (piece === '' && byte === 0x2e) token = '%2e';
    piece += token;
  }
  pieces.push(piece);
  return pieces;
}

function escapeByte(byte: number): string {
  if ((byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x5f || byte === 0x2e) {
    return String.fromCharCode(byte);
  }
  if (byte >= 0x41 && byte <= 0x5a) return '^' + String.fromCharCode(byte + 0x20);
  return '%' + byte.toString(16).padStart(2, '0');
}

/** The bytes an escaped name stands for; undefined when no key could have produced it. */
function unescapeName(name: string): Buffer | undefined {
  if (name === EMPTY_SEGMENT) return Buffer.alloc(0);
  // Escaped pieces never start with a dot: a name that does (.DS_Store, .nfs…) is not ours.
  if (name === '' || name.startsWith('.')) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5e) {
      const letter = name.charCodeAt(++i);
      if (!(letter >= 0x61 && letter <= 0x7a)) return undefined;
      bytes.push(letter - 0x20);
    } else if (c === 0x25) {
      const hex = name.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e) {
      bytes.push(c);
    } else {
      return undefined;
    }
  }
  return Buffer.from(bytes);
}
