import type { DataSource } from 'typeorm';

import { mysqlPoolOf } from '../database/mysql-pool';
import type { PoolStatistics } from './metrics';

/**
 * The pool figures of a MySQL/MariaDB data source (lent, idle, waiting); null for SQLite,
 * which has one connection and no pool.
 */
export function databasePoolStatistics(dataSource: DataSource): PoolStatistics | null {
  const pool = mysqlPoolOf(dataSource);
  if (!pool?._allConnections || !pool._freeConnections) return null;
  const idle = pool._freeConnections.length;
  return {
    inUse: pool._allConnections.length - idle,
    idle,
    waiting: pool._connectionQueue?.length ?? 0,
  };
}
