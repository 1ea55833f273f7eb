// The `opentrail` command line.
import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve-command.js';
import { importCommand } from './import-command.js';
import { lookupEventsCommand } from './lookup-events-command.js';
import { validateLogsCommand } from './validate-logs-command.js';
import { exportPublicKeysCommand } from './export-public-keys-command.js';
import { exportCheckpointCommand } from './export-checkpoint-command.js';

export async function main(argv: readonly string[]): Promise<void> {
  // The SDK warns on every run that its releases after January 2027 need Node 22; the lockfile pins one that
  // supports Node 20, so the warning says nothing to an operator and would clutter every command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = new Command('opentrail')
    .description('Open-source, self-hosted AWS CloudTrail')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  program.addCommand(serveCommand());
  program.addCommand(importCommand());
  program.addCommand(lookupEventsCommand());
  program.addCommand(validateLogsCommand());
  program.addCommand(exportPublicKeysCommand());
  program.addCommand(exportCheckpointCommand());
  // Subcommands added whole do not inherit the override: usage errors must throw here, not exit inside commander.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 1 ? 2 : err.exitCode);
    throw err;
  }
}
