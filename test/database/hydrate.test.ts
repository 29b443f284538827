import { readsAsIs } from '../../server/src/database/query/hydrate';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';

/**
 * Hydration copies the columns `readsAsIs` names without asking the driver (hydrate.ts): that
 * holds only while TypeORM's own conversion returns their values unchanged. Checked here against
 * the driver itself, for every such column of every entity, so an upgrade that starts converting
 * one of those types fails here rather than in some answer.
 */
describe.each(testDatabaseKinds())('hydration of columns read as they are, on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'hydrate');
  });
  afterAll(() => database?.drop());

  it('is what the driver would make of them', () => {
    const { driver, entityMetadatas } = database.dataSource;
    const columns = entityMetadatas.flatMap((metadata) =>
      metadata.columns.filter((column) => !column.isVirtual),
    );
    const asIs = columns.filter(readsAsIs);
    // Most columns are texts and integers; dates, booleans, enums and money still go through
    // the driver.
    expect(asIs.length).toBeGreaterThan(50);
    expect(columns.length - asIs.length).toBeGreaterThan(20);
    const samples = ['Pôle Mer', '', '0042', '123456789012345', 42, 0, -7, null];
    const changed = asIs.flatMap((column) =>
      samples
        .filter((value) => driver.prepareHydratedValue(value, column) !== value)
        .map(
          (value) =>
            `${column.entityMetadata.name}.${column.propertyName} (${String(column.type)}): ${String(value)}`,
        ),
    );
    expect(changed).toEqual([]);
  });
});
