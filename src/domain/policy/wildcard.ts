// Wildcard patterns of the policy language. `*` matches any run of characters and `?` one character; in an ARN
// they stay inside their colon-delimited segment, except in the last segment the pattern has (the resource part,
// which may itself hold colons and slashes). Text substituted from a policy variable is literal.
//
// Matching is hand-written rather than compiled to regular expressions: a pattern such as `*a*a*a*a*b` would make
// a backtracking regex engine take exponential time on a long object key, and policies are written by users.
// This matcher backtracks only to the last `*`, so it takes at most pattern × text steps.

/** A run of pattern text; `literal` text came from a policy variable and holds no wildcards. */
export interface PatternChunk {
  readonly text: string;
  readonly literal: boolean;
}

export type TextTest = (text: string) => boolean;

const LITERAL = 0;
const STAR = 1;
const ONE = 2;

interface Glob {
  readonly pattern: string;
  readonly kinds: Uint8Array;
}

function toGlob(chunks: readonly PatternChunk[], ignoreCase: boolean): Glob {
  const pattern = chunks.map((c) => c.text).join('');
  const kinds = new Uint8Array(pattern.length);
  let at = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.text.length; i += 1, at += 1) {
      const code = chunk.text.charCodeAt(i);
      kinds[at] = chunk.literal ? LITERAL : code === 42 ? STAR : code === 63 ? ONE : LITERAL;
    }
  }
  return { pattern: ignoreCase ? pattern.toLowerCase() : pattern, kinds };
}

/** Whether text[from, to) matches the whole glob. */
function globMatches({ pattern, kinds }: Glob, text: string, from = 0, to = text.length): boolean {
  let p = 0;
  let t = from;
  let star = -1;
  let resume = from;
  while (t < to) {
    const kind = p < pattern.length ? kinds[p] : undefined;
    if (kind === ONE || (kind === LITERAL && pattern.charCodeAt(p) === text.charCodeAt(t))) {
      p += 1;
      t += 1;
    } else if (kind === STAR) {
      star = p;
      p += 1;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      t = resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && kinds[p] === STAR) p += 1;
  return p === pattern.length;
}

/** Whole-string wildcard match; actions use it case-insensitively, StringLike case-sensitively. */
export function globMatcher(chunks: readonly PatternChunk[], ignoreCase = false): TextTest {
  const glob = toGlob(chunks, ignoreCase);
  return ignoreCase ? (text) => globMatches(glob, text.toLowerCase()) : (text) => globMatches(glob, text);
}

/** ARN match segment by segment (Resource, ArnLike); a pattern that is not an ARN is matched as a whole string. */
export function arnMatcher(chunks: readonly PatternChunk[]): TextTest {
  const whole = chunks.map((c) => c.text).join('');
  if (!whole.startsWith('arn:')) return globMatcher(chunks);
  const segments = splitChunks(chunks, Math.min(5, countColons(whole))).map((s) => toGlob(s, false));
  const last = segments.length - 1;
  return (text) => {
    let from = 0;
    for (let i = 0; i < last; i += 1) {
      const colon = text.indexOf(':', from);
      if (colon < 0 || !globMatches(segments[i]!, text, from, colon)) return false;
      from = colon + 1;
    }
    return globMatches(segments[last]!, text, from);
  };
}

/** The chunks cut at their first `splits` colons; the last piece keeps any colons after those. */
function splitChunks(chunks: readonly PatternChunk[], splits: number): PatternChunk[][] {
  const segments: PatternChunk[][] = [[]];
  for (const chunk of chunks) {
    let rest = chunk.text;
    let colon = rest.indexOf(':');
    while (colon >= 0 && segments.length <= splits) {
      segments.at(-1)!.push({ text: rest.slice(0, colon), literal: chunk.literal });
      segments.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(':');
    }
    segments.at(-1)!.push({ text: rest, literal: chunk.literal });
  }
  return segments;
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count += 1;
  return count;
}

export const hasWildcard = (text: string): boolean => text.includes('*') || text.includes('?');

export const plain = (text: string): PatternChunk[] => [{ text, literal: false }];
