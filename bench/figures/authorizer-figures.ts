// authz_edge_p99_us: what the edge's authorization step costs per call, end to end: the caller's compiled policy
// set from the per-principal cache (a user with 10 policies: 4 inline, 3 managed, 3 from a group), its condition
// keys, and the evaluation; denials included. authz_edge_cold_us is the first call after an IAM change, which
// reloads and compiles the set from the store.
import { Authorizer, type RequestFacts } from '../../src/services/access/authorizer.js';
import { systemClock } from '../../src/domain/clock.js';
import type { Caller } from '../../src/domain/caller.js';
import type { AccessCheck } from '../../src/domain/access-check.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { IdentityStore, ManagedPolicy } from '../../src/store/identity-store.js';
import { percentile, round } from '../stats.js';

const ACCOUNT = '111122223333';
const trail = (name: string) => `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`;

/** Ten documents, each allowing a family of actions on a family of trails, one of them with a Deny. */
function document(i: number): string {
  const statements: object[] = [
    { Effect: 'Allow', Action: [`cloudtrail:Get*`, `cloudtrail:Describe*`, `s3:GetObject`], Resource: [trail(`team-${i}-*`), `arn:aws:s3:::logs-${i}/*`] },
    { Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': [`10.${i}.0.0/16`, '127.0.0.0/8'] } } },
  ];
  if (i === 9) statements.push({ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

async function seed(identities: IdentityStore): Promise<void> {
  const managed: string[] = [];
  for (const i of [4, 5, 6, 7, 8, 9]) {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/p${i}`;
    const policy: ManagedPolicy = {
      name: `p${i}`, id: `ANPA${i}`, path: '/', arn, createdMs: 0, updatedMs: 0, defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document: document(i), createdMs: 0 }], nextVersion: 2, tags: [],
    };
    await identities.changes.save(ACCOUNT, 'policy', policy);
    managed.push(arn);
  }
  const base = { path: '/', createdMs: 0, tags: [] };
  await identities.changes.save(ACCOUNT, 'group', {
    ...base, name: 'g', id: 'AGPAG', arn: `arn:aws:iam::${ACCOUNT}:group/g`, inlinePolicies: {}, attachedPolicies: managed.slice(3),
  });
  await identities.changes.save(ACCOUNT, 'user', {
    ...base, name: 'alice', id: 'AIDAALICE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, groups: ['g'],
    inlinePolicies: Object.fromEntries([0, 1, 2, 3].map((i) => [`p${i}`, document(i)])), attachedPolicies: managed.slice(0, 3),
  });
}

const CHECKS: AccessCheck[][] = [
  [{ action: 'cloudtrail:LookupEvents', resource: '*' }],
  [{ action: 'cloudtrail:GetTrailStatus', resource: trail('team-3-audit') }],
  [{ action: 'cloudtrail:DescribeTrails', resource: trail('team-8-x') }],
  [{ action: 'cloudtrail:UpdateTrail', resource: trail('team-1-audit') }],
  [{ action: 'cloudtrail:DeleteTrail', resource: trail('team-2-audit') }],
  [{ action: 's3:GetObject', resource: 'arn:aws:s3:::logs-5/AWSLogs/x.json.gz' }],
];

export async function measureEdgeAuthorization(samples: number): Promise<Record<string, number>> {
  const store = await openSqliteStore({ path: ':memory:' });
  try {
    await seed(store.identities);
    const authorizer = new Authorizer(store.identities.directory, systemClock);
    const caller: Caller = { accountId: ACCOUNT, type: 'IAMUser', principalId: 'AIDAALICE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice', accessKeyId: 'AKIAALICE' };
    const facts: RequestFacts = { caller, region: 'us-east-1', sourceIp: '127.0.0.1', secureTransport: false, userAgent: 'aws-cli/1.40.0' };
    const once = async (i: number): Promise<boolean> => authorizer.authorize(facts, CHECKS[i % CHECKS.length]!).then(() => true, () => false);
    const coldStart = process.hrtime.bigint();
    await once(0);
    const coldUs = Number(process.hrtime.bigint() - coldStart) / 1e3;
    for (let i = 0; i < 20_000; i += 1) await once(i);
    const timings: number[] = [];
    let allowed = 0;
    for (let i = 0; i < samples; i += 1) {
      const start = process.hrtime.bigint();
      if (await once(i)) allowed += 1;
      timings.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
    if (allowed === 0 || allowed === samples) throw new Error('the benchmark should both allow and deny');
    return { authz_edge_p50_us: round(percentile(timings, 50)), authz_edge_p99_us: round(percentile(timings, 99)), authz_edge_cold_us: round(coldUs) };
  } finally {
    await store.close();
  }
}
