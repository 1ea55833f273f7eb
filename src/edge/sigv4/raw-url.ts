// Splits the request target as received into its path and query parameters, keeping each parameter's raw form
// next to its decoded text: the canonical query is rebuilt from the raw bytes, the auth parameters are read as text.
import { decodeQueryComponent } from './uri-encoding.js';

export interface QueryParam {
  rawName: string;
  rawValue: string;
  name: string;
  value: string;
}

export interface RawUrl {
  /** Still percent-encoded. */
  path: string;
  params: QueryParam[];
}

export function splitRawUrl(rawUrl: string): RawUrl {
  const mark = rawUrl.indexOf('?');
  if (mark < 0) return { path: rawUrl, params: [] };
  return { path: rawUrl.slice(0, mark), params: parseQuery(rawUrl.slice(mark + 1)) };
}

function parseQuery(rawQuery: string): QueryParam[] {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
      return { rawName, rawValue, name: asText(rawName), value: asText(rawValue) };
    });
}

function asText(raw: string): string {
  return decodeQueryComponent(raw).toString('utf8');
}

/** The value of the first parameter named exactly `name`. */
export function queryParam(params: readonly QueryParam[], name: string): string | undefined {
  return params.find((param) => param.name === name)?.value;
}
