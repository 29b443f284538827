import type { DataSource } from 'typeorm';

import type { PoolStatistics } from './metrics';

/** mysql2's pool keeps these lists (not part of its typed interface, stable since 1.x). */
interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The pool figures of a MySQL/MariaDB data source (lent, idle, waiting); null for SQLite,
 * which has one connection and no pool.
 */
export function databasePoolStatistics(dataSource: DataSource): PoolStatistics | null {
  const pool = (dataSource.driver as { pool?: Mysql2PoolInternals }).pool;
  if (!pool?._allConnections || !pool._freeConnections) return null;
  const idle = pool._freeConnections.length;
  return {
    inUse: pool._allConnections.length - idle,
    idle,
    waiting: pool._connectionQueue?.length ?? 0,
  };
}
