// Runs the built `opentrail` command line (bin/opentrail.js) with a clean environment, for tests of its commands.
import { CLI } from './server-process.js';
import { runCommand, type CliResult } from './run-command.js';

export function opentrailCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, ...args], { PATH: process.env.PATH ?? '', HOME: env.HOME ?? '/nonexistent', ...env });
}
