// The identity contract every Store backend must pass: IAM entities per account and kind, names unique regardless of
// case, a generation that grows with every change; and access keys as IAM and STS manage them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessKeyRecord, Store } from '../store.js';
import type { IamUser, ManagedPolicy } from '../identity-store.js';
import { ACCOUNT, OTHER_ACCOUNT } from './fixtures.js';

function user(name: string, overrides: Partial<IamUser> = {}): IamUser {
  return {
    name, id: `AIDA${name.toUpperCase()}`, path: '/', arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, createdMs: 1_741_608_000_000,
    inlinePolicies: {}, attachedPolicies: [], groups: [], tags: [], ...overrides,
  };
}

function key(accessKeyId: string, overrides: Partial<AccessKeyRecord> = {}): AccessKeyRecord {
  return {
    accessKeyId, accountId: ACCOUNT, principalType: 'IAMUser', principalId: 'AIDAALICE', principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    userName: 'alice', sealedSecret: 'v1:sealed', status: 'Active', createdMs: 1_741_608_000_000, ...overrides,
  };
}

export function identityStoreConformance(name: string, open: () => Promise<Store>): void {
  describe(`Identity store conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => store.close());

    it('keeps an entity whole and finds it by name in any case, in its own account only', async () => {
      const alice = user('Alice', { inlinePolicies: { p: '{"Statement":[]}' }, groups: ['ops'], tags: [{ Key: 'team', Value: 'ü' }] });
      await store.identities.changes.save(ACCOUNT, 'user', alice);
      expect(await store.identities.directory.find(ACCOUNT, 'user', 'alice')).toEqual(alice);
      expect(await store.identities.directory.find(ACCOUNT, 'user', 'ALICE')).toEqual(alice);
      expect(await store.identities.directory.find(OTHER_ACCOUNT, 'user', 'Alice')).toBeUndefined();
      expect(await store.identities.directory.find(ACCOUNT, 'group', 'Alice')).toBeUndefined();
    });

    it('replaces an entity saved under the same name in another case, and lists by name', async () => {
      await store.identities.changes.save(ACCOUNT, 'user', user('bob'));
      await store.identities.changes.save(ACCOUNT, 'user', user('Carol'));
      await store.identities.changes.save(ACCOUNT, 'user', user('BOB', { path: '/x/' }));
      const listed = await store.identities.directory.list(ACCOUNT, 'user');
      expect(listed.map((u) => [u.name, u.path])).toEqual([['BOB', '/x/'], ['Carol', '/']]);
    });

    it('removes, says whether there was something to remove, and counts every change', async () => {
      const policy: ManagedPolicy = {
        name: 'p', id: 'ANPAP', path: '/', arn: `arn:aws:iam::${ACCOUNT}:policy/p`, createdMs: 1, updatedMs: 1,
        defaultVersionId: 'v1', versions: [{ versionId: 'v1', document: '{}', createdMs: 1 }], nextVersion: 2, tags: [],
      };
      const before = store.identities.directory.generation();
      await store.identities.changes.save(ACCOUNT, 'policy', policy);
      expect(store.identities.directory.generation()).toBeGreaterThan(before);
      const saved = store.identities.directory.generation();
      expect(await store.identities.changes.remove(ACCOUNT, 'policy', 'P')).toBe(true);
      expect(await store.identities.changes.remove(ACCOUNT, 'policy', 'p')).toBe(false);
      expect(store.identities.directory.generation()).toBeGreaterThan(saved);
      expect(await store.identities.directory.list(ACCOUNT, 'policy')).toEqual([]);
    });

    it('applies a batch of changes all together, or none of them', async () => {
      await store.identities.changes.save(ACCOUNT, 'user', user('old'));
      await store.identities.changes.apply(ACCOUNT, [{ kind: 'user', remove: 'old' }, { kind: 'user', save: user('new') }]);
      expect((await store.identities.directory.list(ACCOUNT, 'user')).map((u) => u.name)).toEqual(['new']);
      const poisoned = { ...user('broken'), name: undefined as unknown as string };
      await expect(store.identities.changes.apply(ACCOUNT, [{ kind: 'user', remove: 'new' }, { kind: 'user', save: poisoned }])).rejects.toThrow();
      expect((await store.identities.directory.list(ACCOUNT, 'user')).map((u) => u.name)).toEqual(['new']);
    });

    it('lists a user\'s long-term keys oldest first, without temporary ones, and deletes keys', async () => {
      await store.credentials.saveAccessKey(key('AKIASECOND0000000000', { createdMs: 2 }));
      await store.credentials.saveAccessKey(key('AKIAFIRST00000000000', { createdMs: 1 }));
      await store.credentials.saveAccessKey(key('AKIAOTHERUSER0000000', { userName: 'bob' }));
      await store.credentials.saveAccessKey(key('ASIASESSION000000000', {
        expiresMs: 10, session: { tokenHash: 'ab', issuedMs: 1, issuer: { type: 'IAMUser', name: 'alice', id: 'AIDAALICE', arn: 'arn' } },
      }));
      expect((await store.credentials.listUserKeys(ACCOUNT, 'alice')).map((k) => k.accessKeyId)).toEqual(['AKIAFIRST00000000000', 'AKIASECOND0000000000']);
      await store.credentials.saveAccessKey(key('AKIAROOT000000000000', { principalType: 'Root', principalId: ACCOUNT, principalArn: `arn:aws:iam::${ACCOUNT}:root`, userName: undefined }));
      expect((await store.credentials.listRootKeys(ACCOUNT)).map((k) => k.accessKeyId)).toEqual(['AKIAROOT000000000000']);
      expect(await store.credentials.listRootKeys(OTHER_ACCOUNT)).toEqual([]);
      expect(await store.credentials.deleteAccessKey('AKIAFIRST00000000000')).toBe(true);
      expect(await store.credentials.deleteAccessKey('AKIAFIRST00000000000')).toBe(false);
      expect(await store.credentials.findAccessKey('AKIAFIRST00000000000')).toBeUndefined();
    });

    it('keeps a temporary key\'s session and expiry, and drops it once expired', async () => {
      const session = key('ASIASESSION000000000', {
        principalType: 'AssumedRole', expiresMs: 5_000,
        session: { tokenHash: 'ab', issuedMs: 1, issuer: { type: 'Role', name: 'r', id: 'AROAR', arn: 'arn:role' }, sessionName: 's', sessionPolicies: ['{}'] },
      });
      await store.credentials.saveAccessKey(session);
      expect(await store.credentials.findAccessKey(session.accessKeyId)).toEqual(session);
      expect(await store.credentials.deleteExpiredKeys(5_000)).toBe(0);
      expect(await store.credentials.deleteExpiredKeys(5_001)).toBe(1);
      expect(await store.credentials.findAccessKey(session.accessKeyId)).toBeUndefined();
    });

    it('notes when a key was last used', async () => {
      await store.credentials.saveAccessKey(key('AKIAUSED000000000000'));
      await store.credentials.noteKeyUsed('AKIAUSED000000000000', { usedMs: 42, serviceName: 'iam', region: 'us-east-1' });
      expect((await store.credentials.findAccessKey('AKIAUSED000000000000'))?.lastUsed).toEqual({ usedMs: 42, serviceName: 'iam', region: 'us-east-1' });
    });
  });
}
