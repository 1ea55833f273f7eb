// A lean SigV4-signing CloudTrail client for load generation: the SDK's own overhead would be measured otherwise.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/client/node-sha256.js';

export { NodeSha256 };

export class SignedCloudTrailClient {
  private readonly signer: SignatureV4;
  private readonly url: URL;

  constructor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, region = 'us-east-1') {
    this.url = new URL(endpoint);
    this.signer = new SignatureV4({ service: 'cloudtrail', region, credentials, sha256: NodeSha256 });
  }

  async call(operation: string, body: string): Promise<{ status: number; text: string }> {
    const signed = await this.signer.sign({
      method: 'POST', protocol: 'http:', hostname: this.url.hostname, port: Number(this.url.port), path: '/',
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `CloudTrail_20131101.${operation}`,
      },
      body,
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${this.url.origin}/`, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  }
}
