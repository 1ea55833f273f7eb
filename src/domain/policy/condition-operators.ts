// The condition operators of the policy language by base name (without ForAnyValue:/ForAllValues: and IfExists).
// Each builds a test of one request value against the statement's values, in the positive sense: the values are
// ORed, and a negated operator (StringNotEquals, NotIpAddress, …) is the complement of its positive twin.
import { ipRangeMatcher, parseCidr, type Cidr } from './ip-ranges.js';
import { anyPatternMatcher, type ValueMatcher } from './pattern-matcher.js';
import { parseTemplate, resolveText } from './policy-variables.js';

export interface ConditionOperator {
  /** AWS's spelling, e.g. 'StringNotEqualsIgnoreCase'. */
  readonly name: string;
  /** Negated operators are true for a key the request does not carry. */
  readonly negated: boolean;
  /** A value IAM refuses for this operator, if any. */
  readonly invalidValue: (values: readonly string[]) => string | undefined;
  readonly build: (values: readonly string[], variables: boolean) => ValueMatcher;
}

type Builder = ConditionOperator['build'];
type Check = ConditionOperator['invalidValue'];

const anyValue: Check = () => undefined;

function equality(fold: boolean): Builder {
  return (values, variables) => {
    const templates = variables ? values.map((v) => parseTemplate(v)).filter((t) => t !== undefined) : [];
    const norm = (s: string) => (fold ? s.toLowerCase() : s);
    const exact = new Set(values.filter((v) => !(variables && parseTemplate(v))).map(norm));
    if (templates.length === 0) return (text) => exact.has(norm(text));
    return (text, view) =>
      exact.has(norm(text)) || templates.some((t) => {
        const resolved = resolveText(t, view);
        return resolved !== undefined && norm(resolved) === norm(text);
      });
  };
}

const like: Builder = (values, variables) => anyPatternMatcher(values, 'glob', variables);
const arn: Builder = (values, variables) => anyPatternMatcher(values, 'arn', variables);

function parseNumber(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/** Dates are ISO 8601 (with or without time) or seconds since the epoch, as aws:EpochTime carries them. */
export function parseDate(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  return Date.parse(text);
}

function ordered(parse: (text: string) => number, compare: (request: number, policy: number) => boolean): Builder {
  return (values) => {
    const bounds = values.map(parse);
    return (text) => {
      const got = parse(text);
      return !Number.isNaN(got) && bounds.some((b) => compare(got, b));
    };
  };
}

const invalidAs = (parse: (text: string) => number): Check => (values) => values.find((v) => Number.isNaN(parse(v)));

const bool: Builder = (values) => {
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  return (text) => wanted.has(text.toLowerCase());
};

const binary: Builder = (values) => {
  const wanted = new Set(values.map((v) => Buffer.from(v, 'base64').toString('base64')));
  return (text) => wanted.has(Buffer.from(text, 'base64').toString('base64'));
};

const ipRange: Builder = (values) => {
  const match = ipRangeMatcher(values.map(parseCidr).filter((c): c is Cidr => c !== undefined));
  return (text) => match(text);
};

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

type Row = [name: string, negated: boolean, build: Builder, check: Check];

const numericCheck = invalidAs(parseNumber);
const dateCheck = invalidAs(parseDate);

const ROWS: Row[] = [
  ['StringEquals', false, equality(false), anyValue],
  ['StringNotEquals', true, equality(false), anyValue],
  ['StringEqualsIgnoreCase', false, equality(true), anyValue],
  ['StringNotEqualsIgnoreCase', true, equality(true), anyValue],
  ['StringLike', false, like, anyValue],
  ['StringNotLike', true, like, anyValue],
  ['NumericEquals', false, ordered(parseNumber, eq), numericCheck],
  ['NumericNotEquals', true, ordered(parseNumber, eq), numericCheck],
  ['NumericLessThan', false, ordered(parseNumber, lt), numericCheck],
  ['NumericLessThanEquals', false, ordered(parseNumber, le), numericCheck],
  ['NumericGreaterThan', false, ordered(parseNumber, gt), numericCheck],
  ['NumericGreaterThanEquals', false, ordered(parseNumber, ge), numericCheck],
  ['DateEquals', false, ordered(parseDate, eq), dateCheck],
  ['DateNotEquals', true, ordered(parseDate, eq), dateCheck],
  ['DateLessThan', false, ordered(parseDate, lt), dateCheck],
  ['DateLessThanEquals', false, ordered(parseDate, le), dateCheck],
  ['DateGreaterThan', false, ordered(parseDate, gt), dateCheck],
  ['DateGreaterThanEquals', false, ordered(parseDate, ge), dateCheck],
  ['Bool', false, bool, (values) => values.find((v) => !/^(true|false)$/i.test(v))],
  ['BinaryEquals', false, binary, (values) => values.find((v) => !/^[A-Za-z0-9+/]*={0,2}$/.test(v))],
  ['IpAddress', false, ipRange, (values) => values.find((v) => !parseCidr(v))],
  ['NotIpAddress', true, ipRange, (values) => values.find((v) => !parseCidr(v))],
  ['ArnEquals', false, arn, anyValue],
  ['ArnLike', false, arn, anyValue],
  ['ArnNotEquals', true, arn, anyValue],
  ['ArnNotLike', true, arn, anyValue],
];

const OPERATORS = new Map<string, ConditionOperator>(
  ROWS.map(([name, negated, build, invalidValue]) => [name.toLowerCase(), { name, negated, build, invalidValue }]),
);

/** The operator by base name, matched case-insensitively; Null is handled apart (it tests presence, not values). */
export function conditionOperator(base: string): ConditionOperator | undefined {
  return OPERATORS.get(base.toLowerCase());
}
