import { describe, expect, it } from 'vitest';
import { arnMatcher, globMatcher, plain } from './wildcard.js';

describe('globMatcher', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a*', 'a', true],
    ['a*', 'abc/def:ghi', true],
    ['*c', 'abc', true],
    ['*c', 'abd', false],
    ['a*c*e', 'abcde', true],
    ['a*c*e', 'abcdf', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a??', 'abc', true],
    ['**', '', true],
    ['*', '', true],
    ['?', '', false],
    ['a.c', 'abc', false],
    ['a+b', 'a+b', true],
    ['(x)[y]', '(x)[y]', true],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(globMatcher(plain(pattern))(text)).toBe(expected);
  });

  it('folds case only when asked', () => {
    expect(globMatcher(plain('CloudTrail:Describe*'), true)('cloudtrail:DESCRIBETRAILS')).toBe(true);
    expect(globMatcher(plain('CloudTrail:Describe*'))('cloudtrail:DescribeTrails')).toBe(false);
  });

  it('keeps wildcards from a policy variable literal', () => {
    const matches = globMatcher([{ text: 'home/', literal: false }, { text: '*', literal: true }, { text: '/*', literal: false }]);
    expect(matches('home/*/x')).toBe(true);
    expect(matches('home/alice/x')).toBe(false);
  });

  it('answers pathological patterns without backtracking blow-up', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    expect(globMatcher(plain(pattern))('a'.repeat(5_000))).toBe(false);
    expect(globMatcher(plain(pattern))(`${'a'.repeat(5_000)}b`)).toBe(true);
  });
});

describe('arnMatcher', () => {
  const trail = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/dev-a';
  it.each([
    [trail, trail, true],
    ['arn:aws:cloudtrail:*:111122223333:trail/*', trail, true],
    ['arn:aws:cloudtrail:*:*:*', trail, true],
    ['arn:aws:*:us-east-1:111122223333:trail/dev-a', trail, true],
    ['arn:aws:cloudtrail:us-*:111122223333:trail/dev-?', trail, true],
    ['arn:aws:cloudtrail:*:trail/dev-a', trail, false],
    ['arn:aws:cloudtrail:*', trail, true],
    ['arn:aws:cloudtrail', trail, false],
    ['arn:*:cloudtrail:us-east-1:111122223333:trail/dev-a', trail, true],
    ['arn:aws:cloudtrail:us-east-1:111122223333:trail/DEV-a', trail, false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b/c', true],
    ['arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', false],
    ['arn:aws:s3:::*', 'arn:aws:s3:::b', true],
    ['arn:aws:s3:::*', '*', false],
    ['*', '*', true],
    ['*', trail, true],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(arnMatcher(plain(pattern))(text)).toBe(expected);
  });

  it('splits on the colons of substituted text too, as the ARN it spells', () => {
    const matches = arnMatcher([{ text: 'arn:aws:iam::', literal: false }, { text: '111122223333', literal: true }, { text: ':user/*', literal: false }]);
    expect(matches('arn:aws:iam::111122223333:user/alice')).toBe(true);
    expect(matches('arn:aws:iam::444455556666:user/alice')).toBe(false);
  });
});
