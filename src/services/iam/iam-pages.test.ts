import { describe, expect, it } from 'vitest';
import { page } from './iam-pages.js';

const names = ['a', 'b', 'c', 'd', 'e'];
const key = (n: string) => n;

describe('IAM pages', () => {
  it('walks the whole list with the markers it hands out, none twice', () => {
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const result = page(names, key, { Marker: marker, MaxItems: 2 });
      seen.push(...result.items);
      marker = result.Marker;
      expect(result.IsTruncated).toBe(marker !== undefined);
    } while (marker);
    expect(seen).toEqual(names);
  });

  it('continues after the marked item even when it is gone', () => {
    const first = page(names, key, { MaxItems: 2 });
    expect(page(['a', 'c', 'd'], key, { Marker: first.Marker }).items).toEqual(['c', 'd']);
  });

  it('refuses a marker it did not make, and MaxItems out of 1–1000', () => {
    expect(() => page(names, key, { Marker: '!!' })).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    expect(() => page(names, key, { MaxItems: 0 })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
    expect(() => page(names, key, { MaxItems: 1001 })).toThrow(expect.objectContaining({ code: 'ValidationError' }));
  });
});
