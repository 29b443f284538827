import 'reflect-metadata';

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config/config';
import { closeDataSource } from '../database/transactions';
import { publishCommitted, RedisEventBus } from '../graphql/subscriptions/live-event-bus';
import {
  formatImportProblem,
  IMPORT_KIND_NAMES,
  importCsv,
  isImportKindName,
} from '../import-export/bulk-import.service';
import { writeWebhookOutbox } from '../webhook/webhook.service';
import { CommandLineError, openCommandLineDatabase } from './command-line';

const USAGE = `Usage: npm run import -- <${IMPORT_KIND_NAMES.join('|')}> <file.csv>
Checks every line, then writes all of them in one transaction, or nothing.
Import members first, then memberships and projects, which name members by SIREN.
Columns of each kind: README, "Bulk import and export"; examples: server/src/import-export/examples/.`;

/** `npm run import -- <kind> <file.csv>`: exit code 0 with a summary, or 1 with every problem. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.info(USAGE);
    return;
  }
  const [kind, file, ...extra] = positionals;
  if (kind === undefined || file === undefined || extra.length > 0)
    throw new CommandLineError(USAGE);
  if (!isImportKindName(kind)) throw new CommandLineError(`Unknown kind "${kind}".\n${USAGE}`);
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new CommandLineError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const dataSource = await openCommandLineDatabase();
  // With Redis, the servers' subscribers hear of every imported record; without it, this
  // process has none to tell.
  const { redis } = loadConfig();
  const liveEvents = redis.url ? await RedisEventBus.connect(redis.url, redis.keyPrefix) : null;
  try {
    const outcome = await importCsv(dataSource, kind, content, {
      source: basename(file),
      // The servers' delivery workers send what the import leaves in the webhooks' outbox.
      beforeCommit: [writeWebhookOutbox],
      afterCommit: liveEvents ? [publishCommitted(liveEvents)] : [],
    });
    if (outcome.ok) {
      console.info(outcome.summary);
    } else {
      for (const problem of outcome.problems) console.error(formatImportProblem(problem));
      console.error(`${file}: ${outcome.summary}`);
      process.exitCode = 1;
    }
  } finally {
    // Closing waits for the publications still on their way.
    await liveEvents?.close();
    await closeDataSource(dataSource);
  }
}

main().catch((error: unknown) => {
  if (error instanceof CommandLineError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    // ImportAbortedError names the line; the transaction was rolled back either way.
    console.error(
      `Import failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.exitCode = 1;
});
