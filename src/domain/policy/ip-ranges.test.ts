import { describe, expect, it } from 'vitest';
import { ipRangeMatcher, parseCidr, type Cidr } from './ip-ranges.js';

const inRange = (blocks: string[], address: string) =>
  ipRangeMatcher(blocks.map((b) => parseCidr(b)).filter((c): c is Cidr => c !== undefined))(address);

describe('IP ranges', () => {
  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.168.1.128/25', '192.168.1.128', true],
    ['192.168.1.128/25', '192.168.1.127', false],
    ['192.168.1.1/31', '192.168.1.0', true],
    ['192.168.1.1', '192.168.1.1', true],
    ['192.168.1.1', '192.168.1.2', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['0.0.0.0/0', '::1', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['10.0.0.0/8', '::FFFF:10.1.2.3', true],
    ['2001:db8::/32', '2001:0db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::/127', '2001:db8::1', true],
    ['2001:db8::/128', '2001:db8::1', false],
    ['::1', '::1', true],
    ['::/0', '2600::1', true],
    ['::/0', '10.0.0.1', false],
    ['fe80::/10', 'fe80::1%eth0', true],
    ['fe80::/10', 'febf:ffff::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['64:ff9b::/96', '64:ff9b::192.0.2.33', true],
    ['64:ff9b::c000:221/128', '64:ff9b::192.0.2.33', true],
    ['1:2:3:4:5:6:7:8/128', '1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7:0/112', '1:2:3:4:5:6:7:ffff', true],
    ['10.0.0.0/8', 'localhost', false],
    ['10.0.0.0/8', '', false],
  ])('%s holds %s: %s', (block, address, expected) => {
    expect(inRange([block], address)).toBe(expected);
  });

  it('tries every block', () => {
    expect(inRange(['10.0.0.0/8', '2001:db8::/32', '192.168.0.0/16'], '192.168.7.7')).toBe(true);
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0/8', '10.0.0.0/x', '10.0.0.0/8/8', 'example.com', '10.0.0.0/'])(
    'refuses the block %s',
    (block) => expect(parseCidr(block)).toBeUndefined(),
  );
});
