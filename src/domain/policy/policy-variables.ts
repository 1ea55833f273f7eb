// Policy variables in Resource and condition values: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` (a
// default when the key is absent; '' inside it is a quote), and the escapes `${*}`, `${?}`, `${$}` for the
// literal characters. A variable whose key is absent (or multivalued) and has no default makes the value unusable:
// it matches nothing.
import type { RequestView } from './request-view.js';
import type { PatternChunk } from './wildcard.js';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback?: string };

export interface Template {
  readonly parts: readonly Part[];
}

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'((?:[^']|'')*)'\s*$/;
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

/** The value's template when it holds at least one variable; undefined for plain values. */
export function parseTemplate(value: string): Template | undefined {
  if (!value.includes('${')) return undefined;
  const parts: Part[] = [];
  let last = 0;
  let sawVariable = false;
  for (const match of value.matchAll(VARIABLE)) {
    const body = match[1] ?? '';
    if (match.index > last) parts.push({ kind: 'text', text: value.slice(last, match.index) });
    last = match.index + match[0].length;
    const escaped = ESCAPES[body.trim()];
    if (escaped !== undefined) {
      parts.push({ kind: 'literal', text: escaped });
      sawVariable = true;
      continue;
    }
    const withDefault = WITH_DEFAULT.exec(body);
    if (withDefault) parts.push({ kind: 'variable', key: withDefault[1]!.toLowerCase(), fallback: withDefault[2]!.replaceAll("''", "'") });
    else parts.push({ kind: 'variable', key: body.trim().toLowerCase() });
    sawVariable = true;
  }
  if (!sawVariable) return undefined;
  if (last < value.length) parts.push({ kind: 'text', text: value.slice(last) });
  return { parts };
}

/** The template with the request's values in, as pattern chunks; undefined when a variable cannot be resolved. */
export function resolveChunks(template: Template, view: RequestView): PatternChunk[] | undefined {
  const chunks: PatternChunk[] = [];
  for (const part of template.parts) {
    if (part.kind === 'text') chunks.push({ text: part.text, literal: false });
    else if (part.kind === 'literal') chunks.push({ text: part.text, literal: true });
    else {
      const value = view.variable(part.key) ?? part.fallback;
      if (value === undefined) return undefined;
      chunks.push({ text: value, literal: true });
    }
  }
  return chunks;
}

/** The template with the request's values in, as plain text (for equality operators). */
export function resolveText(template: Template, view: RequestView): string | undefined {
  return resolveChunks(template, view)?.map((c) => c.text).join('');
}
