// Digest chains and checkpoints in SQLite: each chain is one JSON row, so a pass's completion (heads, window,
// position and checkpoints together) is one small immediate transaction.
import type Database from 'better-sqlite3';
import type { ChainHead, DigestChain, DigestChainStore, DigestCheckpoint, DigestPass } from '../digest-chains.js';

export class DigestPassConflictError extends Error {}

export class SqliteDigestChains implements DigestChainStore {
  readonly #db: Database.Database;
  readonly #sql;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = {
      insert: db.prepare<[string, string]>('INSERT INTO digest_chains (trail_arn, chain) VALUES (?, ?) ON CONFLICT (trail_arn) DO NOTHING'),
      find: db.prepare<[string], string>('SELECT chain FROM digest_chains WHERE trail_arn = ?').pluck(),
      all: db.prepare<[], string>('SELECT chain FROM digest_chains ORDER BY trail_arn').pluck(),
      save: db.prepare<[string, string]>('UPDATE digest_chains SET chain = ? WHERE trail_arn = ?'),
      remove: db.prepare<[string]>('DELETE FROM digest_chains WHERE trail_arn = ?'),
      saveCheckpoint: db.prepare<[string, string, string]>(`INSERT INTO digest_checkpoints (trail_arn, region, checkpoint)
        VALUES (?, ?, ?) ON CONFLICT (trail_arn, region) DO UPDATE SET checkpoint = excluded.checkpoint`),
      checkpoints: db.prepare<[string], string>('SELECT checkpoint FROM digest_checkpoints WHERE trail_arn = ? ORDER BY region').pluck(),
      saveChainEnd: db.prepare<[string, string, number, string]>(`INSERT OR REPLACE INTO digest_chain_ends (trail_arn, region, end_ms, checkpoint)
        VALUES (?, ?, ?, ?)`),
      chainEnds: db.prepare<[string], string>('SELECT checkpoint FROM digest_chain_ends WHERE trail_arn = ? ORDER BY end_ms, region').pluck(),
    };
  }

  async openChain(chain: DigestChain): Promise<boolean> {
    return this.#write(() => this.#sql.insert.run(chain.trailArn, JSON.stringify(chain)).changes > 0);
  }

  async chains(): Promise<DigestChain[]> {
    return this.#sql.all.all().map((json) => JSON.parse(json) as DigestChain);
  }

  async planPass(trailArn: string, pass: DigestPass): Promise<void> {
    this.#update(trailArn, (chain) => {
      if (chain.pass) throw new DigestPassConflictError(`the digest chain of ${trailArn} has a pass planned already`);
      return { ...chain, pass };
    });
  }

  async completePass(trailArn: string, pass: DigestPass, heads: readonly ChainHead[], checkpoints: readonly DigestCheckpoint[]): Promise<void> {
    this.#write(() => {
      const chain = this.#find(trailArn);
      if (!chain || chain.pass?.endMs !== pass.endMs) return;
      // A replaced trail's chain is an earlier chain of the ARN: it ends among the chain ends, never as the latest
      // digest, which is the new trail's once that has written one.
      for (const checkpoint of chain.replaced ? [] : checkpoints) {
        this.#sql.saveCheckpoint.run(checkpoint.trailArn, checkpoint.region, JSON.stringify(checkpoint));
      }
      if (pass.final) {
        for (const checkpoint of checkpoints) {
          this.#sql.saveChainEnd.run(checkpoint.trailArn, checkpoint.region, checkpoint.endMs, JSON.stringify(checkpoint));
        }
        this.#sql.remove.run(trailArn);
        return;
      }
      const { pass: _done, ...rest } = chain;
      const next: DigestChain = {
        ...rest,
        destination: pass.destination,
        windowStartMs: pass.endMs,
        afterPosition: pass.throughPosition,
        heads: [...heads],
      };
      this.#sql.save.run(JSON.stringify(next), trailArn);
    });
  }

  async replaceChain(trailArn: string, throughPosition: number): Promise<void> {
    this.#write(() => {
      const chain = this.#find(trailArn);
      if (!chain) return;
      const key = `${trailArn}#replaced@${throughPosition}`;
      const moved: DigestChain = { ...chain, trailArn: key, replaced: { trailArn, throughPosition } };
      this.#sql.remove.run(trailArn);
      this.#sql.insert.run(key, JSON.stringify(moved));
    });
  }

  async closeChain(trailArn: string, afterSeq: number): Promise<void> {
    this.#update(trailArn, (chain) => ({ ...chain, closingAfterSeq: afterSeq }));
  }

  async checkpoints(trailArn: string): Promise<DigestCheckpoint[]> {
    return this.#sql.checkpoints.all(trailArn).map((json) => JSON.parse(json) as DigestCheckpoint);
  }

  async chainEnds(trailArn: string): Promise<DigestCheckpoint[]> {
    return this.#sql.chainEnds.all(trailArn).map((json) => JSON.parse(json) as DigestCheckpoint);
  }

  #find(trailArn: string): DigestChain | undefined {
    const json = this.#sql.find.get(trailArn);
    return json === undefined ? undefined : (JSON.parse(json) as DigestChain);
  }

  #update(trailArn: string, change: (chain: DigestChain) => DigestChain): void {
    this.#write(() => {
      const chain = this.#find(trailArn);
      if (chain) this.#sql.save.run(JSON.stringify(change(chain)), trailArn);
    });
  }

  #write<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }
}
