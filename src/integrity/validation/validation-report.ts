// What a validation found, and how it is printed: the same lines, streams and summary as `aws cloudtrail
// validate-logs` (spec §3.7 step 9), so scripts written against AWS's output read ours unchanged.
import { digestTime } from '../../domain/digest/digest-time.js';

export type Line = { stream: 'stdout' | 'stderr'; text: string };

export interface Tally {
  valid: number;
  invalid: number;
}

export class ValidationReport {
  readonly digests: Tally = { valid: 0, invalid: 0 };
  readonly logFiles: Tally = { valid: 0, invalid: 0 };
  /** Over valid digests: the earliest start and latest end. */
  foundFromMs: number | undefined;
  foundToMs: number | undefined;
  readonly #verbose: boolean;
  /** AWS's spacing: an INVALID line stands between blank lines, never two blank lines in a row. */
  #lastDoubleSpace = true;
  readonly #emit: (line: Line) => void;

  constructor(verbose: boolean, emit: (line: Line) => void) {
    this.#verbose = verbose;
    this.#emit = emit;
  }

  digestValid(bucket: string, key: string, startMs: number, endMs: number): void {
    this.digests.valid++;
    this.foundFromMs = Math.min(this.foundFromMs ?? startMs, startMs);
    this.foundToMs = Math.max(this.foundToMs ?? endMs, endMs);
    if (this.#verbose) this.#out(`Digest file\ts3://${bucket}/${key}\tvalid`);
  }

  digestInvalid(bucket: string, key: string, reason: string): void {
    this.digests.invalid++;
    this.#err(`Digest file\ts3://${bucket}/${key}\tINVALID: ${reason}`);
  }

  logFileValid(bucket: string, key: string): void {
    this.logFiles.valid++;
    if (this.#verbose) this.#out(`Log file\ts3://${bucket}/${key}\tvalid`);
  }

  logFileInvalid(bucket: string, key: string, reason: string): void {
    this.logFiles.invalid++;
    this.#err(`Log file\ts3://${bucket}/${key}\tINVALID: ${reason}`);
  }

  gap(olderEnd: string, newerStart: string): void {
    this.#err(`No log files were delivered by CloudTrail between ${olderEnd} and ${newerStart}`);
  }

  /** An opentrail-only finding that is not about one file (e.g. a checkpoint that does not verify). */
  problem(text: string): void {
    this.digests.invalid++;
    this.#err(text);
  }

  get failed(): boolean {
    return this.digests.invalid + this.logFiles.invalid > 0;
  }

  summary(startMs: number, endMs: number): string {
    let text = `${this.#lastDoubleSpace ? '' : '\n'}Results requested for ${digestTime(startMs)} to ${digestTime(endMs)}\n`;
    const total = this.digests.valid + this.digests.invalid;
    if (total === 0) return `${text}No digests found\n`;
    if (this.digests.valid === 0) text += 'No valid digests found in range\n';
    else {
      const from = Math.max(startMs, this.foundFromMs!);
      const to = Math.min(endMs, this.foundToMs!);
      text += `Results found for ${digestTime(from)} to ${digestTime(to)}:\n`;
    }
    for (const [name, tally] of [['digest', this.digests], ['log', this.logFiles]] as const) {
      const count = tally.valid + tally.invalid;
      if (count === 0) continue;
      text += `\n${tally.valid}/${count} ${name} files valid`;
      if (tally.invalid > 0) text += `, ${tally.invalid}/${count} ${name} files INVALID`;
    }
    return `${text}\n`;
  }

  #out(text: string): void {
    this.#lastDoubleSpace = false;
    this.#emit({ stream: 'stdout', text: `${text}\n` });
  }

  #err(text: string): void {
    this.#emit({ stream: 'stderr', text: `${this.#lastDoubleSpace ? '' : '\n'}${text}\n\n` });
    this.#lastDoubleSpace = true;
  }
}
