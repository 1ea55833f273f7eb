// One Action, Resource or wildcard condition value compiled into a test of request text. Plain values compare
// directly; wildcard values become one regular expression at compile time; values with policy variables are
// resolved per request, their expressions kept in a small cache since the same callers come back.
import { parseTemplate, resolveChunks } from './policy-variables.js';
import type { RequestView } from './request-view.js';
import { arnRegExp, globRegExp, hasWildcard, plain, type PatternChunk } from './wildcard.js';

export type ValueMatcher = (text: string, view: RequestView) => boolean;

/** glob: case-sensitive whole string; glob-ci: case-insensitive (actions); arn: segment by segment. */
export type PatternKind = 'glob' | 'glob-ci' | 'arn';

const CACHE_LIMIT = 256;

export function patternMatcher(pattern: string, kind: PatternKind, variables: boolean): ValueMatcher {
  const template = variables ? parseTemplate(pattern) : undefined;
  if (template) {
    const cache = new Map<string, RegExp>();
    return (text, view) => {
      const chunks = resolveChunks(template, view);
      if (!chunks) return false;
      return cachedRegExp(cache, chunks, kind).test(text);
    };
  }
  if (pattern === '*') return () => true;
  if (!hasWildcard(pattern)) {
    if (kind !== 'glob-ci') return (text) => text === pattern;
    const lower = pattern.toLowerCase();
    return (text) => text.length === lower.length && text.toLowerCase() === lower;
  }
  const regExp = toRegExp(plain(pattern), kind);
  return (text) => regExp.test(text);
}

/** Any of the patterns matches: plain values share one set lookup, the others are tried in turn. */
export function anyPatternMatcher(patterns: readonly string[], kind: PatternKind, variables: boolean): ValueMatcher {
  const exact = new Set<string>();
  const others: ValueMatcher[] = [];
  for (const pattern of patterns) {
    if (pattern === '*' ) return () => true;
    const isPlain = !hasWildcard(pattern) && !(variables && pattern.includes('${'));
    if (isPlain) exact.add(kind === 'glob-ci' ? pattern.toLowerCase() : pattern);
    else others.push(patternMatcher(pattern, kind, variables));
  }
  const fold = kind === 'glob-ci';
  if (others.length === 0) return (text) => exact.has(fold ? text.toLowerCase() : text);
  return (text, view) => exact.has(fold ? text.toLowerCase() : text) || others.some((m) => m(text, view));
}

function toRegExp(chunks: readonly PatternChunk[], kind: PatternKind): RegExp {
  return kind === 'arn' ? arnRegExp(chunks) : globRegExp(chunks, kind === 'glob-ci');
}

function cachedRegExp(cache: Map<string, RegExp>, chunks: readonly PatternChunk[], kind: PatternKind): RegExp {
  const key = chunks.map((c) => `${c.literal ? 'L' : 'T'}${c.text.length}:${c.text}`).join('');
  let regExp = cache.get(key);
  if (!regExp) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    regExp = toRegExp(chunks, kind);
    cache.set(key, regExp);
  }
  return regExp;
}
