// IpAddress / NotIpAddress: IPv4 and IPv6 CIDR blocks (a bare address is a /32 or /128). A client reaching a
// dual-stack listener as an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is matched as the IPv4 address it is.
import net from 'node:net';

export interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const version = net.isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** A test of one client address against any of the blocks. */
export function ipRangeMatcher(cidrs: readonly Cidr[]): (address: string) => boolean {
  const blocks = new net.BlockList();
  for (const cidr of cidrs) blocks.addSubnet(cidr.address, cidr.prefix, cidr.family);
  return (address) => {
    const mapped = MAPPED_V4.exec(address);
    const plainAddress = mapped ? mapped[1]! : address;
    const version = net.isIP(plainAddress);
    if (version === 0) return false;
    return blocks.check(plainAddress, version === 4 ? 'ipv4' : 'ipv6');
  };
}
