// The records of one CloudTrail log file's text. CloudTrail writes `{"Records":[…]}`; we also take what tools
// commonly make of it when the reading is unambiguous: a bare array of records (`jq .Records`), one record
// (`jq .Records[0]`), and one record per line (`jq -c .Records[]`).
import { isCompactValue, memberArraySpans, topLevelArraySpans, type Span } from './json-spans.js';
import { isObject } from '../../domain/json-object.js';

export class MalformedLogFileError extends Error {}

export interface RawRecord {
  value: unknown;
  /** The record's exact text, when it can be kept as its serialization. */
  json?: string;
  /** Why this record (a JSON-lines line) could not be read at all. */
  problem?: string;
}

export function recordsOfLogFile(content: string): RawRecord[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    if (looksLikeJsonLines(text)) return jsonLines(text);
    throw new MalformedLogFileError(text.trim() === '' ? 'empty file' : `not valid JSON (${parserMessage(err)})`);
  }
  if (Array.isArray(document)) return withSpans(text, document, topLevelArraySpans(text));
  if (isObject(document) && Array.isArray(document.Records)) {
    return withSpans(text, document.Records, memberArraySpans(text, 'Records'));
  }
  if (isObject(document) && typeof document.eventID === 'string') {
    const trimmed = text.trim();
    return [isCompactValue(trimmed) ? { value: document, json: trimmed } : { value: document }];
  }
  throw new MalformedLogFileError('no "Records" array');
}

function withSpans(text: string, values: unknown[], spans: Span[] | undefined): RawRecord[] {
  // A disagreement would be a scanner bug; the records then still load, re-serialized.
  const usable = spans !== undefined && spans.length === values.length;
  return values.map((value, i) => {
    const span = usable ? spans[i] : undefined;
    return span?.compact ? { value, json: text.slice(span.start, span.end) } : { value };
  });
}

function looksLikeJsonLines(text: string): boolean {
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  if (firstLine.length === text.trim().length) return false;
  try {
    return isObject(JSON.parse(firstLine));
  } catch {
    return false;
  }
}

function jsonLines(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  for (const [i, rawLine] of text.split('\n').entries()) {
    const line = rawLine.trim();
    if (line === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      records.push(isCompactValue(line) ? { value, json: line } : { value });
    } catch (err) {
      records.push({ value: undefined, problem: `line ${i + 1} is not valid JSON (${parserMessage(err)})` });
    }
  }
  return records;
}


export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** JSON.parse quotes the offending text, which may hold line breaks or binary: reports are one line each. */
function parserMessage(err: unknown): string {
  const line = messageOf(err).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
