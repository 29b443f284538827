import { DataSource, type EntityManager } from 'typeorm';

/**
 * Every write goes through `inTransaction`: all or nothing.
 *
 * SQLite: TypeORM shares ONE connection among all callers, so two interleaved transactions
 * would nest as savepoints of each other and readers would see uncommitted rows. Writes
 * therefore run on a second connection to the same file (WAL lets the first one keep reading
 * the last committed state), one transaction at a time. MySQL/MariaDB: the pool gives each
 * transaction its own connection; row locks and version checks arbitrate.
 */
interface Writer {
  dataSource: Promise<DataSource>;
  /** Resolves when the previous SQLite transaction is over. */
  queue: Promise<unknown>;
}

const writers = new WeakMap<DataSource, Writer>();

function writerOf(dataSource: DataSource): Writer {
  let writer = writers.get(dataSource);
  if (!writer) {
    const isSqlite = dataSource.options.type === 'better-sqlite3';
    writer = {
      dataSource: isSqlite ? openSqliteWriter(dataSource) : Promise.resolve(dataSource),
      queue: Promise.resolve(),
    };
    writers.set(dataSource, writer);
  }
  return writer;
}

async function openSqliteWriter(reader: DataSource): Promise<DataSource> {
  const writer = new DataSource({
    ...reader.options,
    // The reader already built the schema; the writer only writes rows.
    synchronize: false,
    logger: reader.logger,
  } as typeof reader.options);
  await writer.initialize();
  // A writer waits for the reader's checkpoints instead of failing with SQLITE_BUSY.
  await writer.query('PRAGMA busy_timeout = 5000');
  return writer;
}

export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const writer = writerOf(dataSource);
  if (dataSource.options.type !== 'better-sqlite3') {
    return dataSource.transaction(work);
  }
  const run = writer.queue.then(async () => (await writer.dataSource).transaction(work));
  writer.queue = run.catch(() => undefined);
  return run;
}

/** Closes the write connection `inTransaction` may have opened, then the data source. */
export async function closeDataSource(dataSource: DataSource): Promise<void> {
  const writer = writers.get(dataSource);
  writers.delete(dataSource);
  if (writer) {
    await writer.queue;
    const writerSource = await writer.dataSource;
    if (writerSource !== dataSource && writerSource.isInitialized) await writerSource.destroy();
  }
  if (dataSource.isInitialized) await dataSource.destroy();
}
