import 'reflect-metadata';

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';

import { ConfigError } from '../config/config';
import { closeDataSource } from '../database/transactions';
import { servedSchema } from '../features';
import { exportCsv } from '../import-export/bulk-export.service';
import type { CsvSeparator } from '../import-export/csv-reader';
import { parseExportFilter } from '../import-export/export-filter';
import {
  EXPORT_KIND_NAMES,
  ExportRequestError,
  isExportKindName,
} from '../import-export/export-kind';
import { CommandLineError, openCommandLineDatabase } from './command-line';

const USAGE = `Usage: npm run -s export -- <${EXPORT_KIND_NAMES.join('|')}> [--filter '<json>'] [--separator ';'] [--decimal-comma] [--output out.csv]
  --filter         a ProjectFilter / MemberFilter as in GraphQL, e.g. '{"programme":{"level":{"eq":"EUROPEAN"}}}'
  --separator      ',' (default) or ';' for spreadsheets in French locales
  --decimal-comma  amounts as 1250000,50 instead of 1250000.50
  --output         write to this file instead of standard output
Run npm with -s (--silent) when redirecting standard output, or npm's own banner lands in the file.`;

/** `npm run -s export -- <kind> …`: the CSV on standard output (or --output), messages on standard error. */
async function main(): Promise<void> {
  const started = performance.now();
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      filter: { type: 'string' },
      separator: { type: 'string' },
      'decimal-comma': { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.info(USAGE);
    return;
  }
  const [kind, ...extra] = positionals;
  if (kind === undefined || extra.length > 0) throw new CommandLineError(USAGE);
  if (!isExportKindName(kind)) throw new CommandLineError(`Unknown kind "${kind}".\n${USAGE}`);
  const separator = values.separator ?? ',';
  if (separator !== ',' && separator !== ';') {
    throw new CommandLineError(`--separator takes ',' or ';', got "${separator}"`);
  }
  // Checked before the database is opened: a typo costs nothing.
  const filter =
    values.filter === undefined
      ? null
      : await parseExportFilter(await servedSchema(), kind, values.filter);

  const dataSource = await openCommandLineDatabase();
  // A file is written under a temporary name, so a failed export never leaves half a file.
  const partial = values.output === undefined ? null : `${values.output}.partial`;
  const stream: Writable = partial === null ? process.stdout : createWriteStream(partial);
  try {
    const { rows } = await exportCsv(
      dataSource,
      kind,
      {
        filter,
        separator: separator as CsvSeparator,
        decimalComma: values['decimal-comma'] ?? false,
      },
      (chunk) => (stream.write(chunk) ? undefined : once(stream, 'drain')),
    );
    if (partial !== null) {
      stream.end();
      await once(stream, 'finish');
      await rename(partial, values.output!);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `Exported ${rows} ${kind}${values.output ? ` to ${values.output}` : ''} in ${seconds} s`,
    );
  } catch (error) {
    if (partial !== null) {
      stream.destroy();
      await rm(partial, { force: true });
    }
    throw error;
  } finally {
    await closeDataSource(dataSource);
  }
}

// A reader that stops early (`| head`) is no failure of the export.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  if (
    error instanceof CommandLineError ||
    error instanceof ExportRequestError ||
    error instanceof ConfigError
  ) {
    console.error(error.message);
  } else {
    console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
});
