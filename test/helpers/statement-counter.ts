import type { DataSource } from 'typeorm';
import { sqlStatementLog } from '../../server/src/database/data-source';

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
