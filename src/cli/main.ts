// The `opentrail` command line. Each command's module is loaded only when that command runs (all of them for help):
// `serve` alone pulls in the whole server, which a quick client command must not wait for.
import { Command, CommanderError } from 'commander';

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve-command.js')).serveCommand(),
  import: async () => (await import('./import-command.js')).importCommand(),
  'lookup-events': async () => (await import('./lookup-events-command.js')).lookupEventsCommand(),
  'validate-logs': async () => (await import('./validate-logs-command.js')).validateLogsCommand(),
  'export-public-keys': async () => (await import('./export-public-keys-command.js')).exportPublicKeysCommand(),
  'export-checkpoint': async () => (await import('./export-checkpoint-command.js')).exportCheckpointCommand(),
};

export async function main(argv: readonly string[]): Promise<void> {
  // The SDK warns on every run that its releases after January 2027 need Node 22; the lockfile pins one that
  // supports Node 20, so the warning says nothing to an operator and would clutter every command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = new Command('opentrail')
    .description('Open-source, self-hosted AWS CloudTrail')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  const named = argv[2];
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const name of names) program.addCommand(await COMMANDS[name]!());
  // Subcommands added whole do not inherit the override: usage errors must throw here, not exit inside commander.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 1 ? 2 : err.exitCode);
    throw err;
  }
}
