// A lean SigV4-signing CloudTrail client for load generation: the SDK's own overhead would be measured otherwise.
import crypto from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export class NodeSha256 {
  private hash: crypto.Hash | crypto.Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? crypto.createHash('sha256') : crypto.createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

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
