// A lean SigV4-signing CloudTrail client for load generation: the SDK's own overhead would be measured otherwise.
// node:http over kept-alive connections rather than fetch: on the same 2 cores as the server, fetch spent about three
// quarters as much CPU reading a page of lookup results as the server spent finding it, and took it from the server.
import http from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/client/node-sha256.js';

export { NodeSha256 };

export class SignedCloudTrailClient {
  private readonly signer: SignatureV4;
  private readonly url: URL;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

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
    return this.post(headers, body);
  }

  /** Lets the process exit: kept-alive sockets would hold it open. */
  close(): void {
    this.agent.destroy();
  }

  private post(headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request({
        agent: this.agent, method: 'POST', hostname: this.url.hostname.replace(/^\[|\]$/g, ''), port: this.url.port, path: '/',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      request.once('error', reject);
      request.end(body);
    });
  }
}
