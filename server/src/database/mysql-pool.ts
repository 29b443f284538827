import type { DataSource } from 'typeorm';

/** How long ending a pool waits for the database's goodbyes before it cuts what is still open. */
export const POOL_END_GRACE_MS = 2000;

/** The part of a mysql2 pooled connection this module and the port use. */
export interface PooledConnection {
  query(
    options: { sql: string; values: unknown[] },
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
  release(): void;
  destroy(): void;
  /** mysql2 internal: the command the connection runs now (null when idle). */
  _command?: unknown;
  /** mysql2 internal: its socket. */
  stream?: { destroy(): void };
}

interface ConnectionList {
  readonly length: number;
  toArray(): PooledConnection[];
}

/**
 * mysql2's callback pool, as TypeORM's MySQL driver holds it. The lists (`_allConnections`…)
 * are internals, not part of its typed interface (stable since 1.x), typed here and nowhere else.
 */
export interface MysqlPool {
  getConnection(callback: (error: Error | null, connection: PooledConnection) => void): void;
  releaseConnection(connection: PooledConnection): void;
  end(callback?: (error?: Error | null) => void): void;
  _allConnections: ConnectionList;
  _freeConnections: { readonly length: number };
  _connectionQueue?: { readonly length: number };
}

const guarded = new WeakSet<MysqlPool>();

/** The pool of a MySQL/MariaDB data source; undefined for SQLite, or once it is closed. */
export function mysqlPoolOf(dataSource: DataSource): MysqlPool | undefined {
  return (dataSource.driver as unknown as { pool?: MysqlPool }).pool;
}

/**
 * Guards the pool of a MySQL/MariaDB data source (primary and replicas, once initialised)
 * against a database that stops answering (a frozen server, a stalled network):
 *
 * - a connection given back while a statement still runs on it (its client-side timeout fired:
 *   the answer may come later, or never) is destroyed, not lent again: the next statement would
 *   wait behind the lost one, and the pool's end would wait for it for ever;
 * - ending the pool (the stop, `closeDatabase`) takes at most `POOL_END_GRACE_MS`: every
 *   connection is sent its goodbye (COM_QUIT), and what is still open then is cut. mysql2's own
 *   end waits on each goodbye being sent after the statement before it, and throws on a
 *   connection already closed (counted here as ended).
 *
 * `test/database/database-outage.test.ts` closes a pool under a stall, a read in flight.
 */
export function guardMysqlPool(dataSource: DataSource): void {
  const pool = mysqlPoolOf(dataSource);
  if (!pool || guarded.has(pool)) return;
  guarded.add(pool);

  const release = pool.releaseConnection.bind(pool);
  pool.releaseConnection = (connection) => {
    if (connection._command) connection.destroy();
    else release(connection);
  };

  const end = pool.end.bind(pool);
  pool.end = (callback) => {
    const connections = pool._allConnections.toArray();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      // Every goodbye is sent: the cut below still ends, without holding the process, a
      // socket whose network stalled (its goodbye never arrives, the server never closes it).
      cut.unref();
      callback?.(null);
    };
    const cutAll = (why: string) => {
      for (const connection of connections) connection.stream?.destroy();
      if (!done) console.warn(`[database] closing the pool: ${why}; its connections were cut`);
      finish();
    };
    const cut = setTimeout(
      () => cutAll(`the database did not take its goodbyes within ${POOL_END_GRACE_MS} ms`),
      POOL_END_GRACE_MS,
    );
    try {
      // A goodbye that could not be sent (connection already closed) is an end too.
      end(() => finish());
    } catch (error) {
      cutAll(`mysql2 could not end it (${String(error)})`);
    }
  };
}
