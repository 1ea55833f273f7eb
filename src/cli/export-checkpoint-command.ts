// `opentrail export-checkpoint`: a trail's signed checkpoints (its chains' latest digests, one per region), from the
// data dir, for `opentrail validate-logs --checkpoint FILE`. Keep one somewhere the bucket's writers cannot reach:
// validating against it later shows digests deleted from the end of a chain since.
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULTS, ENV, resolveConfig } from '../config.js';
import { LocalKeyRing } from '../crypto/local-key-ring.js';
import { openIntegrityReader } from '../store/integrity-reader.js';
import { signedCheckpoints } from '../integrity/signed-checkpoints.js';
import { writeOutput } from './write-output.js';

export function exportCheckpointCommand(): Command {
  return new Command('export-checkpoint')
    .description('Write a trail\'s signed digest checkpoints to a file, for tail-truncation checks')
    .requiredOption('--trail-arn <arn>', 'the trail')
    .option('--data-dir <dir>', `where data is kept (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--output <file>', 'where to write (default: stdout)')
    .action(async (flags: { trailArn: string; dataDir?: string; output?: string }) => {
      const config = resolveConfig({ dataDir: flags.dataDir });
      const dataDir = path.resolve(config.dataDir);
      const store = await openIntegrityReader({ dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
      try {
        const ring = new LocalKeyRing({ dataDir, rotationMs: config.keyRotationInterval * 1000 });
        const checkpoints = await signedCheckpoints(store.digestChains, ring, flags.trailArn, Date.now());
        if (checkpoints.length === 0) {
          process.stderr.write(`No digests have been written for ${flags.trailArn}\n`);
          process.exitCode = 1;
          return;
        }
        writeOutput(flags.output, { Checkpoints: checkpoints });
      } finally {
        await store.close();
      }
    });
}
