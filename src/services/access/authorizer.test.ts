import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../domain/clock.js';
import type { Caller } from '../../domain/caller.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { IamUser } from '../../store/identity-store.js';
import { Authorizer } from './authorizer.js';

const ACCOUNT = '111122223333';
const alice: Caller = { accountId: ACCOUNT, type: 'IAMUser', principalId: 'AIDAALICE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice', accessKeyId: 'AKIAALICE' };

function user(policies: Record<string, string>): IamUser {
  return { name: 'alice', id: 'AIDAALICE', path: '/', arn: alice.arn, createdMs: 0, inlinePolicies: policies, attachedPolicies: [], groups: [], tags: [] };
}

const facts = { caller: alice, region: 'us-east-1', sourceIp: '10.0.0.1', secureTransport: false };
const statement = (effect: string, action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource }] });

describe('Authorizer', () => {
  it('allows what a user policy allows, and sees a policy change at once', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const authorizer = new Authorizer(store.identities.directory, new ManualClock());
    await store.identities.changes.save(ACCOUNT, 'user', user({ p: statement('Allow', 'cloudtrail:Get*') }));
    await authorizer.authorize(facts, [{ action: 'cloudtrail:GetTrail', resource: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t' }]);
    await store.identities.changes.save(ACCOUNT, 'user', user({}));
    await expect(authorizer.authorize(facts, [{ action: 'cloudtrail:GetTrail', resource: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t' }]))
      .rejects.toMatchObject({
        code: 'AccessDeniedException',
        message: 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: cloudtrail:GetTrail on resource: arn:aws:cloudtrail:us-east-1:111122223333:trail/t because no identity-based policy allows the cloudtrail:GetTrail action',
      });
    await store.close();
  });

  it('says when an explicit deny refused the call', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const authorizer = new Authorizer(store.identities.directory, new ManualClock());
    await store.identities.changes.save(ACCOUNT, 'user', user({ a: statement('Allow', '*'), d: statement('Deny', 'cloudtrail:LookupEvents') }));
    await expect(authorizer.authorize(facts, [{ action: 'cloudtrail:LookupEvents', resource: '*' }])).rejects.toMatchObject({
      message: 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: cloudtrail:LookupEvents with an explicit deny in an identity-based policy',
    });
    await store.close();
  });

  it('gives an old session nothing from a role deleted and made again under the same name', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const authorizer = new Authorizer(store.identities.directory, new ManualClock());
    const role = { name: 'r', id: 'AROANEW', path: '/', arn: `arn:aws:iam::${ACCOUNT}:role/r`, createdMs: 0, assumeRolePolicy: '{}', maxSessionDuration: 3600,
      inlinePolicies: { all: statement('Allow', '*') }, attachedPolicies: [], tags: [] };
    await store.identities.changes.save(ACCOUNT, 'role', role);
    const session = (id: string): Caller => ({
      accountId: ACCOUNT, type: 'AssumedRole', principalId: `${id}:s`, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/r/s`, accessKeyId: `ASIA${id}`,
      session: { issuer: { type: 'Role', name: 'r', id, arn: role.arn }, issuedMs: 0 },
    });
    await authorizer.authorize({ ...facts, caller: session('AROANEW') }, [{ action: 'cloudtrail:LookupEvents', resource: '*' }]);
    await expect(authorizer.authorize({ ...facts, caller: session('AROAOLD') }, [{ action: 'cloudtrail:LookupEvents', resource: '*' }]))
      .rejects.toMatchObject({ code: 'AccessDeniedException' });
    await store.close();
  });

  it('lets root do anything in its account, and needs nothing for calls without checks', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    const authorizer = new Authorizer(store.identities.directory, new ManualClock());
    const root: Caller = { accountId: ACCOUNT, type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accessKeyId: 'AKIAROOT' };
    await authorizer.authorize({ ...facts, caller: root }, [{ action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/x` }]);
    await authorizer.authorize(facts, []);
    await store.close();
  });
});
