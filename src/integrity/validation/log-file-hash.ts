// Hashes a log file exactly as validate-logs does (spec §2.1; awscli's validation.py `_download_log`): SHA-256 over
// what one `zlib.decompressobj(MAX_WBITS|16)` yields and its `flush()`. That is the first gzip member only (anything
// after it is left in `unused_data`); a file cut short hashes what could be inflated (a mismatch, or valid when only
// the trailer is missing); a wrong header, damaged data or a trailer whose CRC-32 or length disagrees raises, which
// validate-logs reports as an invalid format. Node's gunzip goes on into further members and refuses truncated
// files, so the member is taken apart here: header parsed, deflate data inflated raw (which stops where the data
// ends), trailer compared.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { inflateOnce, type MemberInflater } from './member-inflater.js';
import type { LogFileHash } from './sources.js';

const INVALID: LogFileHash = { kind: 'invalid-format' };

export async function hashGzipStream(body: Readable): Promise<LogFileHash> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(chunk as Buffer);
  } catch {
    return INVALID;
  }
  return hashGzipBytes(Buffer.concat(chunks));
}

export async function hashGzipBytes(file: Buffer): Promise<LogFileHash> {
  return hashGzipBytesNow(file) ?? hashDamagedMember(file);
}

/**
 * hashGzipBytes on this thread, for a file that is one whole undamaged member (with anything after it): undefined
 * for anything else, which hashGzipBytes then sorts out. Hashing many files one after another, pass one
 * MemberInflater for them all.
 */
export function hashGzipBytesNow(file: Buffer, inflater?: MemberInflater): LogFileHash | undefined {
  const headerLength = gzipHeaderLength(file);
  if (headerLength === 'not-gzip') return INVALID;
  if (headerLength === 'incomplete') return EMPTY;
  const deflateData = file.subarray(headerLength);
  // The trailer's length field, if the file is one whole member, sizes the output buffer: one allocation instead
  // of several 16 KiB chunks joined, which for a thousand small files is much of the garbage collector's work.
  const sizeHint = file.length >= 4 ? file.readUInt32LE(file.length - 4) : 0;
  const inflated = inflater ? inflater.inflate(deflateData, sizeHint) : inflateOnce(deflateData, sizeHint);
  if (!inflated) return undefined;
  const member: InflatedMember = {
    sha256: crypto.hash('sha256', inflated.bytes, 'hex'),
    crc32: zlib.crc32(inflated.bytes),
    size: inflated.bytes.length,
    deflateLength: inflated.deflateLength,
  };
  return checkTrailer(file, headerLength, member);
}

/** Damaged data or a file cut short: inflated in zlib's thread pool as far as it goes. */
async function hashDamagedMember(file: Buffer): Promise<LogFileHash> {
  const headerLength = gzipHeaderLength(file) as number;
  const member = await inflateMember(file.subarray(headerLength));
  return member === 'damaged' ? INVALID : checkTrailer(file, headerLength, member);
}

/** The member's hash, unless its trailer (when the file has one) disagrees with what was inflated. */
function checkTrailer(file: Buffer, headerLength: number, member: InflatedMember): LogFileHash {
  const hash: LogFileHash = { kind: 'hash', sha256: member.sha256 };
  if (member.deflateLength === undefined) return hash;
  const trailer = file.subarray(headerLength + member.deflateLength, headerLength + member.deflateLength + 8);
  if (trailer.length < 8) return hash;
  if (trailer.readUInt32LE(0) !== member.crc32 || trailer.readUInt32LE(4) !== member.size % 2 ** 32) return INVALID;
  return hash;
}

const EMPTY: LogFileHash = { kind: 'hash', sha256: crypto.createHash('sha256').digest('hex') };

interface InflatedMember {
  sha256: string;
  crc32: number;
  size: number;
  /** How many bytes of deflate data the member holds, which its trailer follows; undefined when they end early. */
  deflateLength: number | undefined;
}

/** Inflates the member's deflate data in zlib's thread pool, hashing as it goes. */
function inflateMember(deflateData: Buffer): Promise<InflatedMember | 'damaged'> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    const hash = crypto.createHash('sha256');
    let crc32 = 0;
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      crc32 = zlib.crc32(chunk, crc32);
      size += chunk.length;
    });
    inflate.on('end', () => resolve({ sha256: hash.digest('hex'), crc32, size, deflateLength: inflate.bytesWritten }));
    inflate.on('error', (err: NodeJS.ErrnoException) => {
      // Input that ends early is not an error to decompressobj: what was inflated so far is hashed.
      resolve(err.code === 'Z_BUF_ERROR' ? { sha256: hash.digest('hex'), crc32, size, deflateLength: undefined } : 'damaged');
    });
    inflate.end(deflateData);
  });
}

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

const MAGIC = [0x1f, 0x8b, 8];

/**
 * The length of the gzip member header (RFC 1952 §2.3) at the start of `file`: 'incomplete' when the file ends inside
 * one (zlib then yields nothing), 'not-gzip' when it starts with anything else.
 */
export function gzipHeaderLength(file: Buffer): number | 'incomplete' | 'not-gzip' {
  if (MAGIC.some((byte, i) => i < file.length && file[i] !== byte)) return 'not-gzip';
  if (file.length < 10) return 'incomplete';
  const flags = file[3]!;
  let at = 10;
  if (flags & FEXTRA) {
    if (file.length < at + 2) return 'incomplete';
    at += 2 + file.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = file.indexOf(0, at);
    if (end < 0) return 'incomplete';
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= file.length ? at : 'incomplete';
}
