/**
 * Row objects from SQLite's rows as arrays, the column names given once. better-sqlite3 builds
 * row objects in C++ one property at a time; reading rows as arrays (`statement.raw(true)`) and
 * building the objects here, every row with the same properties in the same order (one hidden
 * class), took 416 µs instead of 656 µs for 340 ten-column rows (the regional page's partners).
 * The read workers' answers travel as arrays for the same reason (sqlite-read-pool.ts). A
 * repeated column name keeps its last value, as better-sqlite3's own objects do.
 */
export function rowObjects(
  columns: readonly string[],
  rows: readonly unknown[][],
): Record<string, unknown>[] {
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const values = rows[index];
    const row: Record<string, unknown> = {};
    for (let column = 0; column < columns.length; column += 1)
      row[columns[column]] = values[column];
    objects[index] = row;
  }
  return objects;
}
