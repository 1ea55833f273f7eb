// Reads a gzip file the way `aws cloudtrail validate-logs` does (one streaming `decompressobj(MAX_WBITS|16)`): only
// the first member counts. Reports what follows it, so that tests can demand there is nothing.
import zlib from 'node:zlib';

const HEADER_BYTES = 10;
const TRAILER_BYTES = 8;

export interface FirstMember {
  body: Buffer;
  /** Bytes after the first member: anything here would be left out of validate-logs' hash. */
  trailingBytes: number;
  header: Buffer;
}

export function gunzipFirstMember(gzip: Buffer): FirstMember {
  if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) throw new Error('not a gzip (deflate) stream');
  if (gzip[3] !== 0) throw new Error(`unexpected gzip header flags ${gzip[3]}: no name, comment or extra field expected`);
  const { buffer: body, engine } = zlib.inflateRawSync(gzip.subarray(HEADER_BYTES), { info: true }) as unknown as {
    buffer: Buffer;
    engine: { bytesWritten: number };
  };
  const trailerAt = HEADER_BYTES + engine.bytesWritten;
  const crc = gzip.readUInt32LE(trailerAt);
  const size = gzip.readUInt32LE(trailerAt + 4);
  if (crc !== zlib.crc32(body)) throw new Error('gzip CRC-32 mismatch');
  if (size !== body.length % 2 ** 32) throw new Error('gzip ISIZE mismatch');
  return { body, trailingBytes: gzip.length - trailerAt - TRAILER_BYTES, header: gzip.subarray(0, HEADER_BYTES) };
}
