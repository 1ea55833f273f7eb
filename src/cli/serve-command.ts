// `opentrail serve`: runs the server on the operator contract's flags, until SIGINT or SIGTERM.
import path from 'node:path';
import { Command } from 'commander';
import { resolveConfig, DEFAULTS, ENV } from '../config.js';
import { startOpentrail } from '../app.js';
import { startBanner } from './banner.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Run the opentrail server')
    .option('--data-dir <dir>', `where data is kept (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--host <host>', `address to listen on (${ENV.host}, default ${DEFAULTS.host})`)
    .option('--port <port>', `port to listen on, 0 for any free one (${ENV.port}, default ${DEFAULTS.port})`)
    .option('--log-file-interval <seconds>', `log file delivery interval (${ENV.logFileInterval}, default ${DEFAULTS.logFileInterval})`)
    .option('--digest-interval <seconds>', `digest file interval (${ENV.digestInterval}, default ${DEFAULTS.digestInterval})`)
    .option('--key-rotation-interval <seconds>', `digest signing key rotation (${ENV.keyRotationInterval}, default ${DEFAULTS.keyRotationInterval})`)
    .option('--retention-days <days>', `Event History retention (${ENV.retentionDays}, default ${DEFAULTS.retentionDays})`)
    .option('--role <role>', `all, api or worker (${ENV.role}, default ${DEFAULTS.role})`)
    .option('--audit-events-in-history <on|off>', `PutAuditEvents events in Event History (${ENV.auditEventsInHistory}, default on)`)
    .option('--audit-events-to-trails <on|off>', `PutAuditEvents events to trails that select ActivityAuditLog (${ENV.auditEventsToTrails}, default on)`)
    .action(async (flags: Record<string, string | undefined>) => {
      const config = resolveConfig(flags);
      const running = await startOpentrail(config);
      process.stdout.write(startBanner(running, path.resolve(config.dataDir)));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        running.log.info({ signal }, 'shutting down: finishing calls in flight');
        running.close().then(
          () => process.exit(0),
          (err: unknown) => {
            running.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}
