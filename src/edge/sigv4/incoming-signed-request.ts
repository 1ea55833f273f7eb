// The parts of an HTTP request that SigV4 covers, exactly as they arrived: the signature is over what the client
// sent, so nothing here may be decoded or normalised by the web framework before verification.

export interface IncomingSignedRequest {
  method: string;
  /** Origin-form request target: path + '?' + raw query, still percent-encoded, as received. */
  rawUrl: string;
  /**
   * Lower-case names, as Node gives them. Node's `headers` folds a repeated header into one value joined by ', ',
   * which SigV4 (joining by ',') cannot undo; pass `headersDistinct` where repeated signed headers matter.
   */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export function headerValues(req: IncomingSignedRequest, name: string): string[] {
  const value = req.headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first value: for headers that only make sense once (authorization, dates, tokens). */
export function firstHeader(req: IncomingSignedRequest, name: string): string | undefined {
  return headerValues(req, name)[0];
}
