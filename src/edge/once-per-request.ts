// A surface decodes a call's body in `authorization` and needs the same result in `invoke`: decoding it once per
// request keeps the body from being parsed and validated twice on every call.
import type { EdgeRequest } from './edge-request.js';

/** `decode`, remembered per request for as long as the request lives; a throw is not remembered. */
export function oncePerRequest<C extends { request: EdgeRequest }, F, R>(decode: (call: C, facts: F) => R): (call: C, facts: F) => R {
  const decoded = new WeakMap<EdgeRequest, R>();
  return (call, facts) => {
    if (decoded.has(call.request)) return decoded.get(call.request)!;
    const result = decode(call, facts);
    decoded.set(call.request, result);
    return result;
  };
}
