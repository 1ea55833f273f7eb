// AWS SDK v3 clients and hand-signed requests aimed at a test server.
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { TestServer } from './server.js';

export function cloudTrailClient(
  server: TestServer,
  options: { region?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): CloudTrailClient {
  return new CloudTrailClient({
    endpoint: server.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? server.credentials,
    maxAttempts: 1,
  });
}

export interface RawCall {
  target?: string;
  body?: string | Buffer;
  region?: string;
  signingDate?: Date;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  sign?: boolean;
}

/** A CloudTrail JSON 1.1 request signed (or not) by hand, for what the SDK would never send. */
export async function rawCloudTrailCall(server: TestServer, call: RawCall): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const url = new URL(server.url);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
  };
  if (call.target !== undefined) headers['x-amz-target'] = call.target;
  const body = call.body ?? '{}';
  let sent = headers;
  if (call.sign !== false) {
    const signer = new SignatureV4({
      service: 'cloudtrail',
      region: call.region ?? 'us-east-1',
      credentials: call.credentials ?? server.credentials,
      sha256: Sha256,
    });
    const signed = await signer.sign(
      { method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body },
      call.signingDate ? { signingDate: call.signingDate } : {},
    );
    sent = signed.headers;
  }
  const { host: _host, ...fetchHeaders } = sent;
  const response = await fetch(`${server.url}/`, { method: 'POST', headers: fetchHeaders, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : {} };
}
