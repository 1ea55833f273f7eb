// New IAM and STS secrets stay secret: a user's secret key, and a role session's secret and token, are in the
// answer that hands them out and nowhere else: not in the database files, the server log or any record.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from '../support/server.js';
import { cloudTrailClient } from '../support/sdk.js';
import { allow, createUserWithKey, iamClient, stsClient } from '../support/iam.js';

let server: TestServer;
let logged = '';

beforeAll(async () => {
  const sink = new Writable({ write(chunk, _enc, done) { logged += chunk.toString(); done(); } });
  server = await startTestServer({}, { log: pino({ level: 'trace' }, sink) });
});
afterAll(async () => server?.close());

it('keeps new secret keys and session tokens out of the database, the log and every record', async () => {
  const user = await createUserWithKey(server, 'holder', allow(['sts:AssumeRole', 'cloudtrail:LookupEvents']));
  const iam = iamClient(server);
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }] };
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('cloudtrail:LookupEvents')) }));
  const sts = stsClient(server, user);
  const assumed = (await sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'sess' }))).Credentials!;
  const token = (await sts.send(new GetSessionTokenCommand({}))).Credentials!;
  const session = cloudTrailClient(server, { credentials: { accessKeyId: assumed.AccessKeyId!, secretAccessKey: assumed.SecretAccessKey!, sessionToken: assumed.SessionToken! } as never });
  await session.send(new LookupEventsCommand({ MaxResults: 1 }));

  const root = cloudTrailClient(server);
  const records: string[] = [];
  let next: string | undefined;
  do {
    const page = await root.send(new LookupEventsCommand({ MaxResults: 50, NextToken: next }));
    records.push(...page.Events!.map((e) => e.CloudTrailEvent!));
    next = page.NextToken;
  } while (next);
  const stored = ['opentrail.db', 'opentrail.db-wal']
    .map((f) => path.join(server.dataDir, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');
  expect(records.join('\n')).toContain('ASIA');
  for (const secret of [user.secretAccessKey, assumed.SecretAccessKey!, assumed.SessionToken!, token.SecretAccessKey!, token.SessionToken!]) {
    expect(records.join('\n')).not.toContain(secret);
    expect(stored).not.toContain(secret);
    expect(logged).not.toContain(secret);
  }
  for (const client of [iam, sts, session, root]) client.destroy();
});
