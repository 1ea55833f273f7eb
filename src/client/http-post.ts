// One POST over a kept-alive connection with node:http(s), the body as bytes: encoded once, hashed for the
// signature and written as is (fetch would copy and re-encode a batch of a megabyte on every call).
import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';

export interface PostAnswer {
  status: number;
  header: (name: string) => string | undefined;
  text: string;
}

export class HttpPoster {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  /** `maxSockets`: calls in flight at once; the client sends one batch at a time, and 4 leave room for close(). */
  constructor(private readonly endpoint: URL, maxSockets = 4) {
    const secure = endpoint.protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets }) : new http.Agent({ keepAlive: true, maxSockets });
    this.request = secure ? https.request : http.request;
  }

  post(headers: Record<string, string>, body: Buffer, signal?: AbortSignal): Promise<PostAnswer> {
    return new Promise((resolve, reject) => {
      const request = this.request({
        // urlToHttpOptions: an IPv6 literal without its brackets, which node:http would look up as a name.
        agent: this.agent, method: 'POST', protocol: this.endpoint.protocol, hostname: urlToHttpOptions(this.endpoint).hostname,
        port: this.endpoint.port || undefined, path: '/', headers: { ...headers, 'content-length': String(body.length) }, signal,
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => resolve({
          status: response.statusCode ?? 0,
          header: (name) => {
            const value = response.headers[name];
            return Array.isArray(value) ? value[0] : value;
          },
          text: Buffer.concat(chunks).toString('utf8'),
        }));
      });
      request.once('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
