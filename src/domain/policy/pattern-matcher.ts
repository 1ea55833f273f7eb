// One Action, Resource or wildcard condition value compiled into a test of request text. Plain values compare
// directly; wildcard values become a matcher at compile time; values with policy variables are resolved per
// request, their matchers kept in a small cache since the same callers come back.
import { parseTemplate, resolveChunks } from './policy-variables.js';
import type { RequestView } from './request-view.js';
import { arnMatcher, globMatcher, hasWildcard, plain, type PatternChunk, type TextTest } from './wildcard.js';

export type ValueMatcher = (text: string, view: RequestView) => boolean;

/** glob: case-sensitive whole string; glob-ci: case-insensitive (actions); arn: segment by segment. */
export type PatternKind = 'glob' | 'glob-ci' | 'arn';

const CACHE_LIMIT = 256;

export function patternMatcher(pattern: string, kind: PatternKind, variables: boolean): ValueMatcher {
  const template = variables ? parseTemplate(pattern) : undefined;
  if (template) {
    const cache = new Map<string, TextTest>();
    return (text, view) => {
      const chunks = resolveChunks(template, view);
      return chunks !== undefined && cachedMatcher(cache, chunks, kind)(text);
    };
  }
  if (pattern === '*') return () => true;
  if (!hasWildcard(pattern)) {
    if (kind !== 'glob-ci') return (text) => text === pattern;
    const lower = pattern.toLowerCase();
    return (text) => text.length === lower.length && text.toLowerCase() === lower;
  }
  const matches = toMatcher(plain(pattern), kind);
  return (text) => matches(text);
}

/** Any of the patterns matches: plain values share one set lookup, the others are tried in turn. */
export function anyPatternMatcher(patterns: readonly string[], kind: PatternKind, variables: boolean): ValueMatcher {
  const exact = new Set<string>();
  const others: ValueMatcher[] = [];
  for (const pattern of patterns) {
    if (pattern === '*') return () => true;
    const isPlain = !hasWildcard(pattern) && !(variables && pattern.includes('${'));
    if (isPlain) exact.add(kind === 'glob-ci' ? pattern.toLowerCase() : pattern);
    else others.push(patternMatcher(pattern, kind, variables));
  }
  const fold = kind === 'glob-ci';
  if (others.length === 0) return (text) => exact.has(fold ? text.toLowerCase() : text);
  return (text, view) => exact.has(fold ? text.toLowerCase() : text) || others.some((m) => m(text, view));
}

function toMatcher(chunks: readonly PatternChunk[], kind: PatternKind): TextTest {
  return kind === 'arn' ? arnMatcher(chunks) : globMatcher(chunks, kind === 'glob-ci');
}

function cachedMatcher(cache: Map<string, TextTest>, chunks: readonly PatternChunk[], kind: PatternKind): TextTest {
  const key = chunks.map((c) => `${c.literal ? 'L' : 'T'}${c.text.length}:${c.text}`).join('');
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    matcher = toMatcher(chunks, kind);
    cache.set(key, matcher);
  }
  return matcher;
}
