// The few JSON 1.1 calls validate-logs makes (DescribeTrails, ListPublicKeys, GetDigestCheckpoint), signed with
// SigV4 for `cloudtrail`. Hand-made rather than the CloudTrail SDK client: the client cannot send opentrail's own
// operation, and the published CLI then needs no SDK beyond S3's.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { AwsCredentialIdentity } from '@smithy/types';

export class ApiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface JsonApiSettings {
  endpoint: string;
  region: string;
  credentials: () => Promise<AwsCredentialIdentity>;
}

export async function callJsonApi(settings: JsonApiSettings, target: string, body: object): Promise<Record<string, unknown>> {
  const url = new URL(settings.endpoint);
  const signer = new SignatureV4({ service: 'cloudtrail', region: settings.region, credentials: settings.credentials, sha256: Sha256 });
  const payload = JSON.stringify(body);
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || '/',
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: payload,
  });
  const response = await fetch(new URL(url.pathname || '/', url), { method: 'POST', headers: signed.headers as Record<string, string>, body: payload });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(json.__type ?? `HTTP${response.status}`);
    throw new ApiCallError(type.slice(type.lastIndexOf('#') + 1), String(json.message ?? json.Message ?? text));
  }
  return json;
}
