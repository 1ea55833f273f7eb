// The `opentrail` command line.
import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve-command.js';
import { importCommand } from './import-command.js';
import { lookupEventsCommand } from './lookup-events-command.js';

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('opentrail')
    .description('Open-source, self-hosted AWS CloudTrail')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  program.addCommand(serveCommand());
  program.addCommand(importCommand());
  program.addCommand(lookupEventsCommand());
  // Subcommands added whole do not inherit the override: usage errors must throw here, not exit inside commander.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 1 ? 2 : err.exitCode);
    throw err;
  }
}
