// A log file's text, whatever its compression: CloudTrail delivers gzip, and people also keep the JSON as it is.
// The content decides, not the name: JSON text never starts with gzip's magic bytes, and a `.json.gz` that a
// download tool already decompressed is still a good log file.
import { readFile } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { MalformedLogFileError, messageOf } from './log-file-records.js';

const gunzipAsync = promisify(gunzip);

export async function readLogFileText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return (isGzip(bytes) ? await decompress(bytes) : bytes).toString('utf8');
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function decompress(bytes: Buffer): Promise<Buffer> {
  try {
    // Node's gunzip reads every member of a multi-member file (what `cat a.gz b.gz` makes).
    return await gunzipAsync(bytes);
  } catch (err) {
    throw new MalformedLogFileError(`not valid gzip (${messageOf(err)})`);
  }
}
