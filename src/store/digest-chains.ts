// The digest part of the Store port: per trail, the digest chain being written (one chain per region the trail logs
// in, all advancing together), the pass it is about to make (written ahead, so that a crash is followed by the same
// digests again), and per trail and region the latest digest written: the checkpoint that tail truncation is
// judged against.
import type { DigestLink } from '../domain/digest/digest-document.js';

/** Where a trail's digests go and what their keys say; kept so that a deleted trail still gets its final digest. */
export interface DigestDestination {
  accountId: string;
  trailName: string;
  homeRegion: string;
  bucket: string;
  prefix?: string | undefined;
}

export interface ChainHead {
  region: string;
  /** The chain's latest digest; absent until the region's starting digest is written. */
  latest?: DigestLink | undefined;
}

export interface DigestPass {
  /** End of the window, a whole second; its start is the chain's `windowStartMs`. */
  endMs: number;
  /** The delivery ledger position the pass covers through. */
  throughPosition: number;
  /** The last pass of the chain: the trail stopped logging, was deleted or stopped validating. */
  final: boolean;
  destination: DigestDestination;
  /** Per region, the fingerprint of the key that signs its digest. */
  keys: Array<{ region: string; fingerprint: string }>;
}

export interface DigestChain {
  trailArn: string;
  /**
   * The createdMs of the trail the chain belongs to: a trail found under the same ARN with another is a new trail
   * of the same name, and this chain's has gone. Absent in chains opened before it was kept.
   */
  trailCreatedMs?: number | undefined;
  destination: DigestDestination;
  /** The StartLogging time the chain belongs to: a later one means the trail was stopped and restarted. */
  loggingSinceMs?: number | undefined;
  windowStartMs: number;
  /** The delivery ledger position the next pass continues after. */
  afterPosition: number;
  heads: ChainHead[];
  /**
   * Set when a new trail took the ARN of this chain's retiring trail (the chain is then filed under another key,
   * `trailArn`): the ARN whose delivered files and checkpoints the chain has, and the last ledger position its files
   * may have, so that none of the new trail's files goes into its final digest.
   */
  replaced?: { trailArn: string; throughPosition: number } | undefined;
  /** Set once the trail stopped logging: the final digest waits until delivery has passed this sequence number. */
  closingAfterSeq?: number | undefined;
  pass?: DigestPass | undefined;
}

export interface DigestCheckpoint {
  trailArn: string;
  region: string;
  bucket: string;
  key: string;
  /** The digest's `digestEndTime`. */
  endMs: number;
  /** Hex, as in the digest's `x-amz-meta-signature`. */
  signature: string;
  fingerprint: string;
  /** True once the chain ended with this digest. */
  final: boolean;
}

export interface DigestChainStore {
  /** Starts the trail's chain; false, changing nothing, when it has one. */
  openChain(chain: DigestChain): Promise<boolean>;
  /** Every chain, by trail ARN. */
  chains(): Promise<DigestChain[]>;
  /** Records the pass before any of its digests is written. Rejects when the chain has a pass already. */
  planPass(trailArn: string, pass: DigestPass): Promise<void>;
  /**
   * In one transaction: the chain's heads become `heads`, its window moves to the pass's end, the pass is dropped,
   * and each region's checkpoint becomes its new digest. A final pass removes the chain and keeps its digests as
   * chain ends.
   */
  completePass(trailArn: string, pass: DigestPass, heads: readonly ChainHead[], checkpoints: readonly DigestCheckpoint[]): Promise<void>;
  /**
   * A new trail takes the ARN: the trail's chain, if any, is filed under another key so that the new trail can
   * start its own, and ends with the files recorded through `throughPosition` (DigestChain.replaced).
   */
  replaceChain(trailArn: string, throughPosition: number): Promise<void>;
  /** Marks the chain as closing once delivery passes `afterSeq`. */
  closeChain(trailArn: string, afterSeq: number): Promise<void>;
  /** The trail's latest digest per region, also after its chain ended. */
  checkpoints(trailArn: string): Promise<DigestCheckpoint[]>;
  /** Every chain's final digest of the trail, oldest first: the ends no later digest points to. */
  chainEnds(trailArn: string): Promise<DigestCheckpoint[]>;
}
