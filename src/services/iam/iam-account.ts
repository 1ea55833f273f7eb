// One account's IAM entities, as operations use them: found by name (NoSuchEntity when absent), by policy ARN,
// listed, saved. Every IAM write of an account runs inside `exclusive`, so read-change-save cannot interleave.
import type {
  IamGroup, IamRole, IamUser, IdentityChange, IdentityEntityKinds, IdentityKind, IdentityStore, ManagedPolicy,
} from '../../store/identity-store.js';
import type { KeyedLock } from '../../objects/fs/keyed-lock.js';
import { noSuchEntity, noSuchPolicy, type EntityLabel } from './iam-errors.js';

export type PrincipalKind = 'user' | 'group' | 'role';
export type PrincipalOf<K extends PrincipalKind> = IdentityEntityKinds[K];

export class IamAccount {
  constructor(readonly accountId: string, private readonly store: IdentityStore) {}

  arn(kind: PrincipalKind | 'policy', path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:${kind}${path}${name}`;
  }

  find<K extends IdentityKind>(kind: K, name: string): Promise<IdentityEntityKinds[K] | undefined> {
    return this.store.directory.find(this.accountId, kind, name);
  }

  async principal<K extends PrincipalKind>(kind: K, name: string): Promise<PrincipalOf<K>> {
    const found = await this.find(kind, name);
    if (!found) throw noSuchEntity(kind as EntityLabel, name);
    return found;
  }

  user(name: string): Promise<IamUser> {
    return this.principal('user', name);
  }

  group(name: string): Promise<IamGroup> {
    return this.principal('group', name);
  }

  role(name: string): Promise<IamRole> {
    return this.principal('role', name);
  }

  /** A customer managed policy of this account, by ARN. */
  async policy(arn: string): Promise<ManagedPolicy> {
    const prefix = `arn:aws:iam::${this.accountId}:policy/`;
    const policy = arn.startsWith(prefix) ? await this.find('policy', arn.slice(arn.lastIndexOf('/') + 1)) : undefined;
    if (!policy || policy.arn !== arn) throw noSuchPolicy(arn);
    return policy;
  }

  list<K extends IdentityKind>(kind: K): Promise<IdentityEntityKinds[K][]> {
    return this.store.directory.list(this.accountId, kind);
  }

  save<K extends IdentityKind>(kind: K, entity: IdentityEntityKinds[K]): Promise<void> {
    return this.store.changes.save(this.accountId, kind, entity);
  }

  /** All or none. */
  apply(changes: readonly IdentityChange[]): Promise<void> {
    return this.store.changes.apply(this.accountId, changes);
  }

  remove(kind: IdentityKind, name: string): Promise<boolean> {
    return this.store.changes.remove(this.accountId, kind, name);
  }

  /** The users, groups and roles a managed policy is attached to. */
  async attachmentsOf(arn: string): Promise<Array<{ kind: PrincipalKind; name: string }>> {
    const found: Array<{ kind: PrincipalKind; name: string }> = [];
    for (const kind of ['user', 'group', 'role'] as const) {
      for (const entity of await this.list(kind)) if (entity.attachedPolicies.includes(arn)) found.push({ kind, name: entity.name });
    }
    return found;
  }
}

export function writeExclusively<T>(lock: KeyedLock, accountId: string, work: () => Promise<T>): Promise<T> {
  return lock.exclusive(`iam:${accountId}`, work);
}
