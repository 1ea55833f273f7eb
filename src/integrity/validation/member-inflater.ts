// Inflates many small, undamaged deflate streams one after another on this thread with one zlib state and one output
// buffer, reset between them. zlib.inflateRawSync builds and tears down a stream object, a zlib state with its 32 KiB
// window and a fresh output buffer for every call, which for the thousand small log files of a validation costs
// about as much as the inflating itself (measured: 1,000 files of 2 KiB, 15–20 ms of 50). Node offers no public way
// to reuse a state synchronously, so this drives the handle behind a zlib stream, which zlib's own synchronous calls
// use the same way; where that handle is not as expected (another Node), every call goes through the public API.
import zlib from 'node:zlib';

/** What one deflate stream inflated to, hashed by the caller while `bytes` is still valid. */
export interface Inflated {
  /** Valid only until the next call: the buffer is reused. */
  bytes: Buffer;
  /** How many bytes of deflate data the stream took: its end, which the gzip trailer follows. */
  deflateLength: number;
}

/** The part of zlib's native handle that its synchronous calls use (lib/zlib.js processChunkSync). */
interface NativeHandle {
  writeSync(flush: number, input: Buffer, inOffset: number, inLength: number, output: Buffer, outOffset: number, outLength: number): void;
  reset(): void;
  onerror: (message: string, errno: number) => void;
}

/** Output buffers beyond this size are left to the public API, which takes the output in chunks. */
const MAX_OUTPUT = 4 * 1024 * 1024;

export class MemberInflater {
  #stream: zlib.InflateRaw | undefined;
  #handle: NativeHandle | undefined;
  /** [output bytes left, input bytes left] after each writeSync, as the handle reports them. */
  #state: Uint32Array | undefined;
  #failed = false;
  #output = Buffer.alloc(0);

  /**
   * `deflateData` inflated when it holds one whole deflate stream (what follows it is left alone); undefined when
   * it is damaged or cut short, which the caller must sort out itself. `sizeHint`, the output's expected length,
   * sizes the output buffer; output longer than that is still inflated whole, only more slowly.
   */
  inflate(deflateData: Buffer, sizeHint: number): Inflated | undefined {
    const room = Math.max(sizeHint + 64, zlib.constants.Z_MIN_CHUNK);
    if (room > MAX_OUTPUT || !this.#ready()) return inflateOnce(deflateData, sizeHint);
    const handle = this.#handle!;
    const state = this.#state!;
    if (this.#output.length < room) this.#output = Buffer.allocUnsafe(room);
    const output = this.#output;
    this.#failed = false;
    try {
      handle.reset();
      handle.writeSync(zlib.constants.Z_FINISH, deflateData, 0, deflateData.length, output, 0, output.length);
    } catch {
      // A handle that does not behave as expected is not used again.
      this.close();
      return inflateOnce(deflateData, sizeHint);
    }
    // Damaged or cut-short data: the state is unusable until reset.
    if (this.#failed) return undefined;
    // A full buffer may hold only part: a size field that lies.
    if (state[0] === 0) return inflateOnce(deflateData, sizeHint);
    return { bytes: output.subarray(0, output.length - state[0]!), deflateLength: deflateData.length - state[1]! };
  }

  /** Frees the zlib state; calls after this go through the public API. */
  close(): void {
    this.#stream?.close();
    this.#handle = undefined;
  }

  #ready(): boolean {
    if (this.#handle) return true;
    if (this.#stream) return false;
    this.#stream = zlib.createInflateRaw();
    const internals = this.#stream as unknown as { _handle?: Partial<NativeHandle>; _writeState?: unknown };
    const handle = internals._handle;
    if (typeof handle?.writeSync !== 'function' || typeof handle.reset !== 'function' || !(internals._writeState instanceof Uint32Array)) {
      return false;
    }
    // The stream's own handler would destroy the stream (and close the handle) on the first damaged file.
    handle.onerror = () => {
      this.#failed = true;
    };
    this.#handle = handle as NativeHandle;
    this.#state = internals._writeState;
    return true;
  }
}

/** MemberInflater.inflate for a single stream, through the public API. */
export function inflateOnce(deflateData: Buffer, sizeHint: number): Inflated | undefined {
  const chunkSize = Math.min(Math.max(sizeHint + 64, zlib.constants.Z_MIN_CHUNK), MAX_OUTPUT);
  try {
    const { buffer, engine } = zlib.inflateRawSync(deflateData, { info: true, chunkSize }) as unknown as { buffer: Buffer; engine: zlib.InflateRaw };
    return { bytes: buffer, deflateLength: engine.bytesWritten };
  } catch {
    return undefined;
  }
}
