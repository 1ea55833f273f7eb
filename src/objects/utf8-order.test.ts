import { describe, expect, it } from 'vitest';
import { compareUtf8 } from './utf8-order.js';

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('compareUtf8', () => {
  it('orders characters above U+FFFF after U+E000–U+FFFF, as their UTF-8 bytes do', () => {
    expect(['\u{1f600}', '\uff5e', '\ue000', 'z'].sort(compareUtf8)).toEqual(['z', '\ue000', '\uff5e', '\u{1f600}']);
    expect(['\u{1f600}', '\uff5e'].sort()).toEqual(['\u{1f600}', '\uff5e']); // what plain sort gets wrong
  });

  it('agrees with byte comparison on random strings', () => {
    const pool = ['a', 'b', '/', '-', '\u00e9', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{1f600}', '\u{10ffff}'];
    const pick = () => Array.from({ length: Math.floor(Math.random() * 5) }, () => pool[Math.floor(Math.random() * pool.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = pick();
      const b = pick();
      expect(Math.sign(compareUtf8(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(byBytes(a, b)));
    }
  });
});
