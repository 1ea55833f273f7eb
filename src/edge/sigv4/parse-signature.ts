// Reads SigV4 authentication from either place a client may put it: the Authorization header, or the query
// string of a presigned URL. Only the shape is checked here; whether the signature, the time and the key are
// good is check-signature's and the caller's business.
import {
  ALGORITHM_IDENTIFIER,
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AMZ_DATE_QUERY_PARAM,
  AUTH_HEADER,
  CREDENTIAL_QUERY_PARAM,
  DATE_HEADER,
  EXPIRES_QUERY_PARAM,
  HOST_HEADER,
  KEY_TYPE_IDENTIFIER,
  MAX_PRESIGNED_TTL,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
  TOKEN_HEADER,
  TOKEN_QUERY_PARAM,
} from '@smithy/signature-v4';
import { ServiceError } from '../../errors/service-error.js';
import { parseAmzDate, parseDateHeader } from './amz-date.js';
import { firstHeader, type IncomingSignedRequest } from './incoming-signed-request.js';
import { queryParam, splitRawUrl, type QueryParam } from './raw-url.js';
import { REGION_NAME } from '../../domain/region-name.js';

export type SignatureForm = 'header' | 'query';

export interface CredentialScope {
  /** yyyyMMdd */
  date: string;
  region: string;
  service: string;
}

export interface ParsedSignature {
  form: SignatureForm;
  accessKeyId: string;
  scope: CredentialScope;
  /** Lower-case, in the order the client listed them (signers sort them). */
  signedHeaders: readonly string[];
  signature: string;
  requestTime: Date;
  /** X-Amz-Expires of a presigned URL; absent for the header form. */
  expiresSeconds?: number;
  sessionToken?: string;
}

/** The query parameters whose presence means "this is a presigned URL". */
const QUERY_AUTH_MARKERS: ReadonlySet<string> = new Set([
  ALGORITHM_QUERY_PARAM,
  CREDENTIAL_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
]);

const incomplete = (message: string): ServiceError => new ServiceError('IncompleteSignatureException', message);

/** undefined when the request carries no SigV4 authentication at all. */
export function parseSignature(req: IncomingSignedRequest): ParsedSignature | undefined {
  const authorization = firstHeader(req, AUTH_HEADER)?.trim() || undefined;
  const { params } = splitRawUrl(req.rawUrl);
  const presigned = params.some((param) => QUERY_AUTH_MARKERS.has(param.name));
  if (authorization !== undefined && presigned) {
    throw incomplete(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  if (authorization !== undefined) return parseHeaderForm(req, authorization);
  if (presigned) return parseQueryForm(req, params);
  return undefined;
}

function parseHeaderForm(req: IncomingSignedRequest, authorization: string): ParsedSignature {
  const { algorithm, fields } = splitAuthorization(authorization);
  const credential = fields.get('Credential');
  const signature = fields.get('Signature');
  const signedHeaders = fields.get('SignedHeaders');
  const dateText = firstHeader(req, AMZ_DATE_HEADER) ?? firstHeader(req, DATE_HEADER);
  if (credential === undefined || signature === undefined || signedHeaders === undefined || dateText === undefined) {
    const problems = [
      credential === undefined && "Authorization header requires 'Credential' parameter.",
      signature === undefined && "Authorization header requires 'Signature' parameter.",
      signedHeaders === undefined && "Authorization header requires 'SignedHeaders' parameter.",
      dateText === undefined && "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    ];
    throw incomplete(`${problems.filter(Boolean).join(' ')} Authorization=${authorization}`);
  }
  if (algorithm !== ALGORITHM_IDENTIFIER) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'.`);
  return {
    form: 'header',
    ...parseCredential(credential),
    signedHeaders: parseSignedHeaders(signedHeaders),
    signature,
    requestTime: requireDate(dateText, parseDateHeader),
    ...optional('sessionToken', firstHeader(req, TOKEN_HEADER)),
  };
}

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; signers differ on the space after the commas. */
function splitAuthorization(authorization: string): { algorithm: string; fields: Map<string, string> } {
  const space = authorization.search(/\s/);
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  const fields = new Map<string, string>();
  for (const part of (space < 0 ? '' : authorization.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    const value = part.slice(eq + 1).trim();
    const key = part.slice(0, eq).trim();
    if (eq > 0 && value !== '' && !fields.has(key)) fields.set(key, value);
  }
  return { algorithm, fields };
}

function parseQueryForm(req: IncomingSignedRequest, params: readonly QueryParam[]): ParsedSignature {
  const get = (name: string): string | undefined => queryParam(params, name) || undefined;
  const required = [
    ALGORITHM_QUERY_PARAM,
    CREDENTIAL_QUERY_PARAM,
    SIGNATURE_QUERY_PARAM,
    SIGNED_HEADERS_QUERY_PARAM,
    AMZ_DATE_QUERY_PARAM,
  ];
  const values = required.map(get);
  const [algorithm, credential, signature, signedHeaders, dateText] = values;
  if (!algorithm || !credential || !signature || !signedHeaders || !dateText) {
    const missing = required.filter((_name, i) => values[i] === undefined);
    const problems = missing.map((name) => `AWS query-string parameters must include '${name}'.`);
    throw incomplete(`${problems.join(' ')} Re-examine the query-string parameters.`);
  }
  if (algorithm !== ALGORITHM_IDENTIFIER) throw incomplete(`X-Amz-Algorithm only supports "${ALGORITHM_IDENTIFIER}"`);
  const expires = get(EXPIRES_QUERY_PARAM);
  return {
    form: 'query',
    ...parseCredential(credential),
    signedHeaders: parseSignedHeaders(signedHeaders),
    signature,
    requestTime: requireDate(dateText, parseAmzDate),
    ...optional('expiresSeconds', expires === undefined ? undefined : parseExpires(expires)),
    ...optional('sessionToken', get(TOKEN_QUERY_PARAM) ?? firstHeader(req, TOKEN_HEADER)),
  };
}

/** `AKID/yyyyMMdd/region/service/aws4_request` */
function parseCredential(credential: string): Pick<ParsedSignature, 'accessKeyId' | 'scope'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (!/^\d{8}$/.test(date)) throw incomplete(`Credential should be scoped to a valid date in yyyyMMdd format, not '${date}'.`);
  if (!SCOPE_NAME.test(region)) throw incomplete(`Credential should be scoped to a valid region, not '${region}'.`);
  if (!SCOPE_NAME.test(service)) throw incomplete(`Credential should be scoped to a valid service, not '${service}'.`);
  if (terminator !== KEY_TYPE_IDENTIFIER) {
    throw incomplete(`Credential should be scoped with a valid terminator: '${KEY_TYPE_IDENTIFIER}', not '${terminator}'.`);
  }
  return { accessKeyId, scope: { date, region, service } };
}

/** Region and signing names are lower-case words joined by dashes; anything else is not a scope AWS would issue. */
const SCOPE_NAME = new RegExp(`^${REGION_NAME}$`);

function parseSignedHeaders(list: string): string[] {
  const names = list.split(';').map((name) => name.trim().toLowerCase());
  if (!names.includes(HOST_HEADER)) {
    throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return names;
}

function requireDate(text: string, parse: (text: string) => Date | undefined): Date {
  const date = parse(text);
  if (!date) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  return date;
}

function parseExpires(text: string): number {
  if (!/^-?\d+$/.test(text)) throw incomplete('X-Amz-Expires should be a number');
  const seconds = Number(text);
  if (seconds < 0) throw incomplete('X-Amz-Expires must be non-negative');
  if (seconds > MAX_PRESIGNED_TTL) {
    throw incomplete(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_TTL}`);
  }
  return seconds;
}

/** Leaves the key out rather than setting it to undefined, so results compare cleanly. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
