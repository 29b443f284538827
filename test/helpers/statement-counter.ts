import type { DataSource } from 'typeorm';

import { sqlStatementLog } from '../../server/src/database/data-source';

/**
 * Every request with a token looks the token up once before anything else (authentication);
 * tests that bound a request's statements count it in, by name.
 */
export const AUTHENTICATION_STATEMENTS = 1;

/** Runs `action` and returns what it returned with the SQL statements sent meanwhile. */
export async function countStatements<T>(
  dataSource: DataSource,
  action: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const unsubscribe = sqlStatementLog(dataSource).subscribe((sql) => statements.push(sql));
  try {
    const result = await action();
    return { result, statements };
  } finally {
    unsubscribe();
  }
}
