// What an object key may be: any non-empty Unicode string of at most 1024 UTF-8 bytes, as in S3. Keys are opaque:
// `..`, `//` and leading slashes are ordinary characters, and each store maps them so they cannot leave the bucket.

export const MAX_KEY_BYTES = 1024;

/** Half of a surrogate pair: not a character, so it has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why the key is not acceptable, or undefined when it is. */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'The key is empty.';
  if (LONE_SURROGATE.test(key)) return 'The key is not valid Unicode.';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `The key is longer than ${MAX_KEY_BYTES} bytes.`;
  return undefined;
}
