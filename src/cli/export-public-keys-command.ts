// `opentrail export-public-keys`: every digest signing key's public half, of every region, from the data dir, in
// the file `opentrail validate-logs --offline … --public-keys FILE` reads. Private keys never leave the data dir.
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULTS, ENV, resolveConfig } from '../config.js';
import { LocalKeyRing } from '../crypto/local-key-ring.js';
import { publicKeyFile } from '../integrity/validation/key-files.js';
import { writeOutput } from './write-output.js';

export function exportPublicKeysCommand(): Command {
  return new Command('export-public-keys')
    .description('Write the digest signing public keys of every region to a file, for offline validation')
    .option('--data-dir <dir>', `where data is kept (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--output <file>', 'where to write (default: stdout)')
    .action(async (flags: { dataDir?: string; output?: string }) => {
      const config = resolveConfig({ dataDir: flags.dataDir });
      const ring = new LocalKeyRing({ dataDir: path.resolve(config.dataDir), rotationMs: config.keyRotationInterval * 1000 });
      writeOutput(flags.output, publicKeyFile(await ring.allPublicKeys()));
    });
}
