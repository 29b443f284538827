import { FEW_VALUE_PAGE_INDEXES } from '../../server/src/database/migrations/1796030000000-FewValuePageIndexes';
import { MYSQL_DIALECT } from '../../server/src/database/query/sql-dialect';
import { pageIndexes, sqliteSortIndexes } from '../../server/src/database/sort-indexes';
import { COLLECTIONS } from '../../server/src/features';
import {
  createEmptyDatabase,
  openTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';

/**
 * SQLite's text sorts go through `fold()`; each text `orderBy` field has an index on that
 * expression, and each field of few values one on it and the default order's sort keys, made
 * next to TypeORM's `synchronize` and kept by it (sort-indexes.ts).
 */
describe('SQLite sort indexes', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createEmptyDatabase('sqlite', 'sort-indexes');
  });
  afterEach(() => database?.drop());

  const sortIndexes = async () =>
    (await database.dataSource.query(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND (name LIKE '%\\_sort' ESCAPE '\\' OR name LIKE '%\\_page' ESCAPE '\\') ORDER BY name`,
    )) as { name: string; sql: string }[];
  const schemaVersion = async () =>
    Number(
      (
        (await database.dataSource.query('PRAGMA schema_version')) as { schema_version: number }[]
      )[0].schema_version,
    );
  const reopen = async () => {
    await database.dataSource.destroy();
    database = await openTestDatabase('sqlite', database.config, { create: false });
  };

  it('indexes fold(column) for every text orderBy field, derived from the collections', async () => {
    const expected = sqliteSortIndexes(COLLECTIONS.values());
    expect(expected.map((index) => index.name)).toEqual(
      expect.arrayContaining([
        'IDX_member_name_sort',
        'IDX_member_city_sort',
        'IDX_member_siren_sort',
        'IDX_project_acronym_sort',
        'IDX_project_title_sort',
        'IDX_pole_name_sort',
        'IDX_project_status_submittedOn_page',
        'IDX_member_category_name_page',
      ]),
    );
    expect(await sortIndexes()).toEqual(
      expected
        .map(({ name, table, expression }) => ({
          name,
          sql: `CREATE INDEX \`${name}\` ON \`${table}\` (${expression})`,
        }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it('are neither dropped nor built again when the database is opened again', async () => {
    const before = { version: await schemaVersion(), indexes: await sortIndexes() };
    await reopen();
    // Any CREATE or DROP would move the schema cookie.
    expect({ version: await schemaVersion(), indexes: await sortIndexes() }).toEqual(before);
  });

  it('survive a schema change that makes TypeORM rebuild their table', async () => {
    const before = await sortIndexes();
    // A column the entities do not have: synchronize rebuilds `member` without it.
    await database.dataSource.query('ALTER TABLE `member` ADD COLUMN `stray` integer');
    await reopen();
    const columns = (await database.dataSource.query('PRAGMA table_info(`member`)')) as {
      name: string;
    }[];
    expect(columns.map((column) => column.name)).not.toContain('stray');
    expect(await sortIndexes()).toEqual(before);
  });
});

/**
 * MySQL and MariaDB get the few-value page indexes from a committed migration (their schema only
 * changes through migrations); the collections derive them (sort-indexes.ts, `pageIndexes`).
 * A collection given a new field of few values, or a new default order, fails here until a
 * migration creates its index.
 */
describe('page indexes on MySQL/MariaDB', () => {
  const derived = pageIndexes(COLLECTIONS.values(), MYSQL_DIALECT).map(
    ({ name, table, expression }) => ({ name, table, expression }),
  );

  it('are the ones the collections derive', () => {
    expect(derived.map((index) => index.name)).toEqual(
      expect.arrayContaining([
        'IDX_project_status_submittedOn_page',
        'IDX_member_category_name_page',
      ]),
    );
    const migrated = FEW_VALUE_PAGE_INDEXES.map(([name, table, columns]) => ({
      name,
      table,
      expression: columns.map((column) => `\`${column}\``).join(', '),
    }));
    expect(migrated).toEqual(derived);
  });

  if (testDatabaseKinds().includes('mysql'))
    it('exist, column for column, once the migrations ran', async () => {
      const database = await createEmptyDatabase('mysql', 'page-indexes');
      try {
        const rows = (await database.dataSource.query(
          `SELECT INDEX_NAME AS name, TABLE_NAME AS \`table\`, COLUMN_NAME AS \`column\`
             FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME LIKE '%\\_page'
            ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
        )) as { name: string; table: string; column: string }[];
        const found = new Map<string, { name: string; table: string; expression: string }>();
        for (const { name, table, column } of rows) {
          const index = found.get(name) ?? { name, table, expression: '' };
          index.expression += `${index.expression ? ', ' : ''}\`${column}\``;
          found.set(name, index);
        }
        const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
        expect([...found.values()].sort(byName)).toEqual([...derived].sort(byName));
      } finally {
        await database.drop();
      }
    });
});
