// IAM and STS clients (AWS SDK v3) aimed at a test server, and a shortcut to an IAM user with its own key and policy.
import { IAMClient, CreateUserCommand, CreateAccessKeyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { TestServer } from './server.js';

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function iamClient(server: TestServer, credentials: SessionCredentials = server.credentials): IAMClient {
  return new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export function stsClient(server: TestServer, credentials: SessionCredentials = server.credentials): STSClient {
  return new STSClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

/** A user with one access key and, when given, one inline policy (as JSON). Created by the bootstrap root. */
export async function createUserWithKey(server: TestServer, userName: string, policy?: object): Promise<SessionCredentials & { arn: string }> {
  const iam = iamClient(server);
  try {
    const { User } = await iam.send(new CreateUserCommand({ UserName: userName }));
    if (policy) {
      await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'inline', PolicyDocument: JSON.stringify(policy) }));
    }
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!, arn: User!.Arn! };
  } finally {
    iam.destroy();
  }
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }] };
}

export function cliEnv(credentials: SessionCredentials): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
  };
}
