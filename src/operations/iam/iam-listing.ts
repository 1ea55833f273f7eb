// The List* operations of users, groups and roles: the account's entities under a path prefix, a page at a time.
import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { iamAccount, onAnyResource } from './iam-context.js';
import { paging } from './iam-shapes.js';
import { page, pagedWire } from '../../services/iam/iam-pages.js';
import type { PrincipalKind, PrincipalOf } from '../../services/iam/iam-account.js';

const input = z.object({ PathPrefix: z.string().optional(), ...paging });

export function listPrincipalsOperation<K extends PrincipalKind>(name: string, kind: K, member: string, wire: (entity: PrincipalOf<K>) => unknown) {
  return defineOperation({
    name,
    readOnly: true,
    input,
    errors: ['ServiceFailure'],
    access: onAnyResource(name),
    async run({ PathPrefix, ...paged }, context) {
      const all = (await iamAccount(context).list(kind)).filter((e) => e.path.startsWith(PathPrefix ?? '/'));
      return pagedWire(member, page(all, (e) => e.name.toLowerCase(), paged), wire);
    },
  });
}
