import { describe, expect, it } from 'vitest';
import type { EdgeRequest } from './edge-request.js';
import { oncePerRequest } from './once-per-request.js';

const request = (id: string) => ({ requestId: id }) as unknown as EdgeRequest;

describe('oncePerRequest', () => {
  it('decodes each request once, and each request apart', () => {
    let runs = 0;
    const decode = oncePerRequest((call: { request: EdgeRequest }, facts: { seen: number }) => ({ run: ++runs, seen: facts.seen }));
    const first = { request: request('a') };
    expect(decode(first, { seen: 1 })).toEqual({ run: 1, seen: 1 });
    expect(decode(first, { seen: 2 })).toEqual({ run: 1, seen: 1 });
    expect(decode({ request: request('b') }, { seen: 3 })).toEqual({ run: 2, seen: 3 });
  });

  it('does not remember a decoding that threw', () => {
    let runs = 0;
    const decode = oncePerRequest((_call: { request: EdgeRequest }, _facts: unknown) => {
      runs++;
      throw new Error('bad body');
    });
    const call = { request: request('a') };
    expect(() => decode(call, {})).toThrow('bad body');
    expect(() => decode(call, {})).toThrow('bad body');
    expect(runs).toBe(2);
  });
});
