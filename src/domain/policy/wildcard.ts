// Wildcard patterns of the policy language as regular expressions. `*` matches any run of characters and `?` one
// character; in an ARN they stay inside their colon-delimited segment, except in the last segment the pattern has
// (the resource part, which may itself hold colons and slashes). Text substituted from a policy variable is literal.

/** A run of pattern text; `literal` text came from a policy variable and holds no wildcards. */
export interface PatternChunk {
  readonly text: string;
  readonly literal: boolean;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function escapeChar(char: string): string {
  return REGEX_SPECIAL.test(char) ? `\\${char}` : char;
}

/** Whole-string wildcard match; actions use it case-insensitively, StringLike case-sensitively. */
export function globRegExp(chunks: readonly PatternChunk[], ignoreCase = false): RegExp {
  let source = '';
  for (const chunk of chunks) {
    for (const char of chunk.text) {
      if (!chunk.literal && char === '*') source += '.*';
      else if (!chunk.literal && char === '?') source += '.';
      else source += escapeChar(char);
    }
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

/** ARN match segment by segment (Resource, ArnLike); a pattern that is not an ARN is matched as a whole string. */
export function arnRegExp(chunks: readonly PatternChunk[]): RegExp {
  const whole = chunks.map((c) => c.text).join('');
  if (!whole.startsWith('arn:')) return globRegExp(chunks);
  const lastSegment = Math.min(5, countColons(whole));
  let segment = 0;
  let source = '';
  for (const chunk of chunks) {
    for (const char of chunk.text) {
      const open = segment >= lastSegment;
      if (char === ':' && segment < 5) {
        segment += 1;
        source += ':';
      } else if (!chunk.literal && char === '*') source += open ? '.*' : '[^:]*';
      else if (!chunk.literal && char === '?') source += open ? '.' : '[^:]';
      else source += escapeChar(char);
    }
  }
  return new RegExp(`^${source}$`, 's');
}

function countColons(text: string): number {
  let count = 0;
  for (const char of text) if (char === ':') count += 1;
  return count;
}

export const hasWildcard = (text: string): boolean => text.includes('*') || text.includes('?');

export const plain = (text: string): PatternChunk[] => [{ text, literal: false }];
