// A lean SigV4-signing CloudTrail client for load generation: the SDK's own overhead would be measured otherwise.
// The SDK's node:http poster over kept-alive connections rather than fetch: on the same 2 cores as the server, fetch
// spent about three quarters as much CPU reading a page of lookup results as the server spent finding it, and took
// it from the server.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../src/client/node-sha256.js';
import { HttpPoster } from '../src/client/http-post.js';

export { NodeSha256 };

/** Enough connections for every concurrent caller of a benchmark (the lookups' 8, the PutAuditEvents' 16). */
const MAX_SOCKETS = 32;

export class SignedCloudTrailClient {
  private readonly signer: SignatureV4;
  private readonly url: URL;
  private readonly poster: HttpPoster;

  constructor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, region = 'us-east-1') {
    this.url = new URL(endpoint);
    this.signer = new SignatureV4({ service: 'cloudtrail', region, credentials, sha256: NodeSha256 });
    this.poster = new HttpPoster(this.url, MAX_SOCKETS);
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
    const { status, text } = await this.poster.post(headers, Buffer.from(body));
    return { status, text };
  }

  /** Lets the process exit: kept-alive sockets would hold it open. */
  close(): void {
    this.poster.close();
  }
}
