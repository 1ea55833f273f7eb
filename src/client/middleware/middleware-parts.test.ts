import { describe, expect, it } from 'vitest';
import { eventNameFor } from './event-name.js';
import { redactor } from './redaction.js';
import { errorFacts } from './error-facts.js';

describe('eventNameFor', () => {
  it.each([
    ['GET', '/orders', 'ListOrders'],
    ['GET', '/orders/:id', 'GetOrder'],
    ['POST', '/orders', 'CreateOrder'],
    ['PUT', '/orders/:id', 'PutOrder'],
    ['PATCH', '/orders/:id', 'UpdateOrder'],
    ['DELETE', '/orders/:id', 'DeleteOrder'],
    ['POST', '/orders/:id/cancel', 'CancelOrder'],
    ['GET', '/users/:userId/orders', 'ListUserOrders'],
    ['POST', '/users/:userId/addresses', 'CreateUserAddress'],
    ['GET', '/categories/:id', 'GetCategory'],
    ['GET', '/api/v1/orders/:id/status', 'GetOrderStatus'],
    ['GET', '/health', 'GetHealth'],
    ['GET', '/', 'GetRoot'],
    ['GET', '/files/*path', 'GetFile'],
    ['GET', '/line-items{/:id}', 'GetLineItem'],
  ])('%s %s → %s', (method, route, name) => {
    expect(eventNameFor(method, route)).toBe(name);
  });
});

describe('redactor', () => {
  it('hides passwords, tokens, secrets, keys, cookies and authorization by default, at any depth, without touching the input', () => {
    const input = {
      user: 'ana', password: 'p', nested: { refresh_token: 't', list: [{ apiKey: 'k', 'X-Api-Key': 'k2' }] },
      headers: { authorization: 'Bearer x', cookie: 'c' }, clientSecret: 's', at: new Date('2026-01-01T00:00:00Z'),
    };
    expect(redactor()(input)).toEqual({
      user: 'ana', password: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      nested: { refresh_token: 'HIDDEN_DUE_TO_SECURITY_REASONS', list: [{ apiKey: 'HIDDEN_DUE_TO_SECURITY_REASONS', 'X-Api-Key': 'HIDDEN_DUE_TO_SECURITY_REASONS' }] },
      headers: { authorization: 'HIDDEN_DUE_TO_SECURITY_REASONS', cookie: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      clientSecret: 'HIDDEN_DUE_TO_SECURITY_REASONS', at: '2026-01-01T00:00:00.000Z',
    });
    expect(input.password).toBe('p');
  });

  it('hides the shorter secret names too, and the shortest only as whole names', () => {
    const input = { pwd: 'a', pin: '1', otp: '2', pass: '3', jwt: 'j', 'x-session-id': 's', 'x-auth': 'Bearer b', shipping: 'dhl', footprint: 7 };
    const H = 'HIDDEN_DUE_TO_SECURITY_REASONS';
    expect(redactor()(input)).toEqual({ pwd: H, pin: H, otp: H, pass: H, jwt: H, 'x-session-id': H, 'x-auth': H, shipping: 'dhl', footprint: 7 });
  });

  it('copies as JSON would: an own toJSON, BigInt as text, no functions or symbols', () => {
    const user = { id: 1, name: 'ana', recoveryCodes: ['r1'], toJSON: () => ({ id: 1, name: 'ana' }) };
    expect(redactor()({ user, big: 12345678901234567890n, fn: () => 1, list: [() => 1, Symbol('s')] }))
      .toEqual({ user: { id: 1, name: 'ana' }, big: '12345678901234567890', list: [null, null] });
  });

  it('stops at cycles and at a bounded number of values, however the body shares its members', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    cyclic.list = [cyclic, { back: cyclic }];
    expect(redactor()(cyclic)).toEqual({ name: 'loop', self: '[circular]', list: ['[circular]', { back: '[circular]' }] });
    // Each level shares one object twice: 2^30 paths to copy if nothing bounded the walk.
    let shared: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared };
    const copy = JSON.stringify(redactor()(shared));
    expect(copy).toContain('[too large]');
    expect(copy.length).toBeLessThan(500_000);
  });

  it('adds names and patterns of the application', () => {
    expect(redactor(['ssn', /^card/i])({ SSN: '1', cardNumber: '4', cvc: '5' })).toEqual({
      SSN: 'HIDDEN_DUE_TO_SECURITY_REASONS', cardNumber: 'HIDDEN_DUE_TO_SECURITY_REASONS', cvc: '5',
    });
  });
});

describe('errorFacts', () => {
  it('reads the code and message of a JSON error body', () => {
    expect(errorFacts(409, { code: 'OrderConflict', message: 'already placed' }, undefined)).toEqual({ code: 'OrderConflict', message: 'already placed' });
    expect(errorFacts(400, { __type: 'com.example#BadInput', message: 'no' }, undefined)).toEqual({ code: 'BadInput', message: 'no' });
  });

  it('falls back to the status, and keeps a 5xx error message the caller never saw out of the record', () => {
    expect(errorFacts(404, undefined, undefined)).toEqual({ code: 'NotFound', message: 'Not Found' });
    expect(errorFacts(500, undefined, Object.assign(new Error('db password wrong'), { code: 'ECONNREFUSED' }))).toEqual({ code: 'ECONNREFUSED', message: 'Internal Server Error' });
    expect(errorFacts(403, undefined, new RangeError('not yours'))).toEqual({ code: 'RangeError', message: 'not yours' });
    expect(errorFacts(200, { code: 'x' }, undefined)).toBeUndefined();
  });
});
