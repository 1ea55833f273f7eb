// IpAddress / NotIpAddress: IPv4 and IPv6 CIDR blocks (a bare address is a /32 or /128). A client reaching a
// dual-stack listener as an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is matched as the IPv4 address it is.
// Addresses are compared as 16-bit groups here rather than through net.BlockList, whose check costs microseconds a
// call on the authorization hot path; net.isIP still decides what an address is.
import net from 'node:net';

export interface Cidr {
  /** Eight 16-bit groups; an IPv4 address fills the last two. */
  readonly groups: Uint16Array;
  readonly prefix: number;
  readonly v4: boolean;
}

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const max = parsed.v4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { ...parsed, prefix };
}

/** A test of one client address against any of the blocks. */
export function ipRangeMatcher(cidrs: readonly Cidr[]): (address: string) => boolean {
  return (address) => {
    const parsed = parseAddress(address);
    return parsed !== undefined && cidrs.some((cidr) => cidr.v4 === parsed.v4 && inBlock(parsed.groups, cidr));
  };
}

function inBlock(groups: Uint16Array, { groups: block, prefix, v4 }: Cidr): boolean {
  let bits = v4 ? prefix + 96 : prefix;
  for (let i = 0; i < 8 && bits > 0; i += 1, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i]! & mask) !== (block[i]! & mask)) return false;
  }
  return true;
}

function parseAddress(text: string): { groups: Uint16Array; v4: boolean } | undefined {
  const mapped = MAPPED_V4.exec(text);
  const address = mapped ? mapped[1]! : text;
  const version = net.isIP(address);
  if (version === 4) return { groups: v4Groups(address), v4: true };
  if (version === 6) return { groups: v6Groups(address), v4: false };
  return undefined;
}

function v4Groups(address: string): Uint16Array {
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  const groups = new Uint16Array(8);
  groups[6] = (a << 8) | b;
  groups[7] = (c << 8) | d;
  return groups;
}

/** Groups of an address net.isIP accepted as IPv6: `::` runs, an IPv4 tail, a zone id. */
function v6Groups(address: string): Uint16Array {
  let text = address.split('%')[0]!;
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) >= 0) {
    const tail = v4Groups(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${tail[6]!.toString(16)}:${tail[7]!.toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = new Uint16Array(8);
  front.forEach((g, i) => { groups[i] = parseInt(g, 16); });
  back.forEach((g, i) => { groups[8 - back.length + i] = parseInt(g, 16); });
  return groups;
}
