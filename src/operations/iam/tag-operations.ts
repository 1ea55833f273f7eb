// Tag/Untag/List<User|Role>Tags: at most 50 tags per entity, keys unique regardless of case (a new value replaces
// the old). The tags are the aws:PrincipalTag/<key> condition keys of the entity's own requests.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { exclusively, iamAccount, onPrincipal, tagKeys } from './iam-context.js';
import { paging, tagList } from './iam-shapes.js';
import { PRINCIPALS } from './iam-principals.js';
import { checkTags } from '../../services/iam/iam-entity-rules.js';
import { quotaExceeded } from '../../services/iam/iam-errors.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';
import type { Tag } from '../../store/identity-store.js';

type TaggedKind = 'user' | 'role';
type Named = Record<string, string>;

export function tagEntity(kind: TaggedKind) {
  const facts = PRINCIPALS[kind];
  const name = `Tag${facts.Kind}`;
  return defineOperation({
    name,
    readOnly: false,
    input: z.object({ [facts.param]: z.string(), Tags: tagList }).passthrough(),
    errors: ['NoSuchEntity', 'LimitExceeded', 'InvalidInput', 'ConcurrentModification', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named & { Tags?: Tag[] }) => i[facts.param], { keys: (i) => tagKeys(i.Tags) }),
    run: (request: Named & { Tags?: Tag[] }, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const added = checkTags(request.Tags);
      const keys = new Set(added.map((t) => t.Key.toLowerCase()));
      const tags = [...entity.tags.filter((t) => !keys.has(t.Key.toLowerCase())), ...added];
      if (tags.length > 50) throw quotaExceeded(`TagsPer${facts.Kind}`, 50);
      await account.save(kind, { ...entity, tags });
      return undefined;
    }),
  });
}

export function untagEntity(kind: TaggedKind) {
  const facts = PRINCIPALS[kind];
  const name = `Untag${facts.Kind}`;
  return defineOperation({
    name,
    readOnly: false,
    input: z.object({ [facts.param]: z.string(), TagKeys: z.array(z.string()) }).passthrough(),
    errors: ['NoSuchEntity', 'ConcurrentModification', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named & { TagKeys?: string[] }) => i[facts.param], {
      keys: (i) => (i.TagKeys?.length ? { 'aws:TagKeys': i.TagKeys } : undefined),
    }),
    run: (request: Named & { TagKeys?: string[] }, context) => exclusively(context, async (account) => {
      const entity = await account.principal(kind, request[facts.param] ?? '');
      const keys = new Set((request.TagKeys ?? []).map((k) => k.toLowerCase()));
      await account.save(kind, { ...entity, tags: entity.tags.filter((t) => !keys.has(t.Key.toLowerCase())) });
      return undefined;
    }),
  });
}

export function listEntityTags(kind: TaggedKind) {
  const facts = PRINCIPALS[kind];
  const name = `List${facts.Kind}Tags`;
  return defineOperation({
    name,
    readOnly: true,
    input: z.object({ [facts.param]: z.string(), ...paging }).passthrough(),
    errors: ['NoSuchEntity', 'ServiceFailure'],
    access: onPrincipal(name, kind, (i: Named) => i[facts.param]),
    async run(request: Named & { Marker?: string; MaxItems?: number }, context) {
      const entity = await iamAccount(context).principal(kind, request[facts.param] ?? '');
      return pagedWire('Tags', page(entity.tags, (t) => t.Key, { Marker: request.Marker, MaxItems: request.MaxItems }), (t) => t);
    },
  });
}
