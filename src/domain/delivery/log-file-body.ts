// The bytes of a log file (spec §2.1): the stored records' exact bytes joined into `{"Records":[…]}`, never
// re-serialized, because digests sign the SHA-256 of exactly these bytes. Compressed as one deterministic gzip
// member, so that a re-run after a crash rewrites the same object.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

const OPENING = '{"Records":[';
const CLOSING = ']}';
/** Fixed: the same records must always give the same compressed bytes on the same build of zlib. */
const GZIP_LEVEL = 6;
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

export interface LogFileBytes {
  /** The uncompressed JSON. */
  body: Buffer;
  /** Lower-case hex SHA-256 of `body`, as digests record it. */
  sha256: string;
  /** One gzip member, with no file name and a zero modification time. */
  gzip: Buffer;
}

/** The uncompressed size of a file without records. */
export const EMPTY_LOG_FILE_BYTES = OPENING.length + CLOSING.length;

/** At most what one record adds to a file's uncompressed size: its bytes and a separator. */
export function recordFileBytes(json: string): number {
  return Buffer.byteLength(json, 'utf8') + 1;
}

export function logFileBody(recordJsons: readonly string[]): Buffer {
  return Buffer.from(`${OPENING}${recordJsons.join(',')}${CLOSING}`, 'utf8');
}

/** Compresses on libuv's thread pool, so that several files of a delivery compress at once on several cores. */
export async function gzipLogFile(body: Uint8Array): Promise<Buffer> {
  const compressed = await gzip(body, { level: GZIP_LEVEL });
  // zlib writes the OS it was built for; pinning it keeps the header the same whichever platform wrote the file.
  compressed[GZIP_OS_BYTE] = GZIP_OS_UNIX;
  return compressed;
}

export async function buildLogFile(recordJsons: readonly string[]): Promise<LogFileBytes> {
  const body = logFileBody(recordJsons);
  const sha256 = crypto.createHash('sha256').update(body).digest('hex');
  return { body, sha256, gzip: await gzipLogFile(body) };
}
