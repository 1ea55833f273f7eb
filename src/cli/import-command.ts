// `opentrail import`: loads exported CloudTrail log files into Event History. It opens the store itself rather than
// calling the server, so it works whether or not one is running: SQLite lets the two writers take turns.
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { configSchema, DEFAULTS, ENV, resolveConfig } from '../config.js';
import { openStore } from '../store/open-store.js';
import { importLogFiles, type ImportProgress, type ImportSummary } from '../services/log-file-import.js';

interface ImportFlags {
  dataDir?: string;
  accountId?: string;
  retentionDays?: string;
  quiet?: boolean;
}

interface ImportSettings {
  dataDir: string;
  databaseUrl?: string;
  accountId?: string;
  retentionDays: number;
  quiet: boolean;
}

const USAGE_ERROR = 2;

export function importCommand(): Command {
  const command = new Command('import')
    .description('Load CloudTrail log files (.json, .json.gz, {"Records":[…]}) into Event History')
    .argument('<paths...>', 'log files, and folders to search for *.json and *.json.gz')
    .option('--data-dir <dir>', `where data is kept (${ENV.dataDir}, default ${DEFAULTS.dataDir})`)
    .option('--account-id <id>', "store the events under this account instead of each record's recipientAccountId", parseAccountId)
    .option('--retention-days <days>', `skip events older than this (${ENV.retentionDays}, default ${DEFAULTS.retentionDays})`)
    .option('--quiet', 'no progress bar and no summary, only errors');
  return command.action(async (paths: string[], flags: ImportFlags) => {
    process.exitCode = await runImport(paths, settingsOf(command, flags));
  });
}

function parseAccountId(value: string): string {
  if (!configSchema.shape.accountId.safeParse(value).success) throw new InvalidArgumentError('must be 12 digits');
  return value;
}

/** The operator contract's settings (flag, then environment, then default); a bad one is a usage error. */
function settingsOf(command: Command, flags: ImportFlags): ImportSettings {
  try {
    const config = resolveConfig({ dataDir: flags.dataDir, retentionDays: flags.retentionDays });
    return {
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      accountId: flags.accountId,
      retentionDays: config.retentionDays,
      quiet: flags.quiet === true,
    };
  } catch (err) {
    return command.error(err instanceof Error ? err.message : String(err), { exitCode: USAGE_ERROR });
  }
}

/** Exit code: 0 when everything loaded, 1 when any file or record could not be. */
async function runImport(paths: string[], settings: ImportSettings): Promise<number> {
  const store = await openStore({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  const bar = settings.quiet ? undefined : progressBar(process.stderr);
  const started = performance.now();
  let summary: ImportSummary;
  try {
    summary = await importLogFiles(store.eventLog, paths, {
      accountId: settings.accountId,
      retentionDays: settings.retentionDays,
      onProgress: bar?.update,
    });
  } finally {
    bar?.stop();
    await store.close();
  }
  process.stdout.write(formatImportSummary(summary, (performance.now() - started) / 1000, settings.quiet));
  return summary.errors.length > 0 ? 1 : 0;
}

interface ProgressBar {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** Only on a terminal: in a pipe or a log, redrawn bars are noise and the summary says it all. */
function progressBar(stream: NodeJS.WriteStream): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'Importing [{bar}] {value}/{total} files | {events} events, {skipped} skipped, {errors} errors',
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: ({ filesDone, filesTotal, ...counts }) => {
      if (!started) bar.start(filesTotal, filesDone, counts);
      started = true;
      bar.update(filesDone, counts);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The rate counts every record dealt with, so that a re-import (all skipped) still shows how fast it went. */
export function formatImportSummary(summary: ImportSummary, seconds: number, quiet = false): string {
  const errorCount = summary.failedFiles + summary.invalidRecords;
  const rate = Math.round((summary.events + summary.skipped) / Math.max(seconds, 0.001));
  const lines = quiet ? [] : [
    `Imported ${summary.events} events from ${summary.files} files (${summary.skipped} skipped, ${errorCount} errors) `
      + `in ${seconds.toFixed(1)} s (${rate} events/s)`,
  ];
  for (const error of summary.errors) lines.push(`  error: ${error.file}: ${error.message}`);
  return lines.map((line) => `${line}\n`).join('');
}
