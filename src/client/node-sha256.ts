// SHA-256 for @smithy/signature-v4 on Node's native crypto: several times faster than the pure-JS hash, which
// matters when every batch and every benchmark request is signed.
import crypto from 'node:crypto';

type Bytes = string | ArrayBuffer | ArrayBufferView;

export class NodeSha256 {
  private hash: crypto.Hash | crypto.Hmac;

  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? crypto.createHash('sha256') : crypto.createHmac('sha256', bytes(secret));
  }

  update(data: Bytes): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {}
}

function bytes(data: Bytes): string | Buffer {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
