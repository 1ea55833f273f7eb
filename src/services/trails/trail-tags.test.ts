import { describe, expect, it } from 'vitest';
import type { ServiceError } from '../../errors/service-error.js';
import { addTags, removeTags, type TagInput } from './trail-tags.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as ServiceError).code;
  }
}

const many = (count: number, prefix = 'k'): TagInput[] => Array.from({ length: count }, (_, i) => ({ Key: `${prefix}${i}`, Value: 'v' }));

describe('trail tags', () => {
  it('adds, replaces by key, and keeps tags without a value', () => {
    const tags = addTags([{ Key: 'a', Value: '1' }, { Key: 'b' }], [{ Key: 'a', Value: '2' }, { Key: 'c' }]);
    expect(tags).toEqual([{ Key: 'b' }, { Key: 'a', Value: '2' }, { Key: 'c' }]);
  });

  it('removes by key whatever value is sent', () => {
    expect(removeTags([{ Key: 'a', Value: '1' }, { Key: 'b' }], [{ Key: 'a', Value: 'other' }, { Key: 'zz' }])).toEqual([{ Key: 'b' }]);
  });

  it('allows 50 tags and refuses the 51st', () => {
    const fifty = addTags([], many(50));
    expect(fifty).toHaveLength(50);
    expect(codeOf(() => addTags(fifty, [{ Key: 'one-more' }]))).toBe('TagsLimitExceededException');
    expect(addTags(fifty, [{ Key: 'k0', Value: 'replaced' }])).toHaveLength(50);
  });

  it.each<[string, TagInput[]]>([
    ['an empty key', [{ Key: '' }]],
    ['a key of 129 characters', [{ Key: 'k'.repeat(129) }]],
    ['a value of 257 characters', [{ Key: 'k', Value: 'v'.repeat(257) }]],
    ['a key twice in one request', [{ Key: 'k' }, { Key: 'k', Value: 'x' }]],
    ['a reserved aws: key', [{ Key: 'aws:cloudformation:stack' }]],
    ['a key with characters tags cannot have', [{ Key: 'a*b' }]],
  ])('refuses %s', (_what, tags) => {
    expect(codeOf(() => addTags([], tags))).toBe('InvalidTagParameterException');
  });

  it('accepts the longest key and value', () => {
    expect(addTags([], [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }])).toHaveLength(1);
  });
});
