// sourceIPAddress: the connection's peer, or — for a peer the operator trusts as a proxy — the address that proxy
// says it forwarded for (X-Forwarded-For, read right to left through trusted hops, as Express and Fastify do).
import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';

/**
 * false (default): the peer's address. true: the left-most X-Forwarded-For address. A number: that many hops of
 * proxies. Addresses or CIDRs (and `loopback`, `linklocal`, `uniquelocal`): proxies at those addresses. A function
 * `(address, hop) => boolean`.
 */
export type TrustProxy = boolean | number | string | readonly string[] | ((address: string, hop: number) => boolean);

export type AddressOf = (request: IncomingMessage) => string;

export function addressResolver(trust: TrustProxy = false): AddressOf {
  const trusted = trustFunction(trust);
  // A socket closed by an aborting client no longer knows its peer (unless it was asked before): '' then, rather
  // than proxyaddr's undefined, which would fail the record.
  return (request) => {
    if (trust === false || request.socket.remoteAddress === undefined) return plain(request.socket.remoteAddress ?? '');
    return plain(proxyaddr(request, trusted) ?? '');
  };
}

function trustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === 'function') return trust;
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  const list = typeof trust === 'string' ? trust.split(',').map((s) => s.trim()) : [...trust];
  return proxyaddr.compile(list);
}

/** IPv4 peers of a dual-stack socket appear as `::ffff:a.b.c.d`; CloudTrail shows the IPv4 address. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
