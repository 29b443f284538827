import 'reflect-metadata';

import { fetchByIds } from '../../server/src/database/query/record-lookups';
import { fetchPagesWithJoins } from '../../server/src/database/query/relay-pages';
import { type RowShape, rowShapeFor } from '../../server/src/database/query/row-shape';
import { type AccessScope, UNRESTRICTED } from '../../server/src/database/query/sql-builder';
import { MEMBER_COLLECTION } from '../../server/src/member/member.collection';
import { PROJECT_PARTNER_COLLECTION } from '../../server/src/project/project.collection';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';

/**
 * A list reads the records its rows' foreign keys name in its own statement (a LEFT JOIN), for
 * the related-record fields the operation asks for. What the join finds must be exactly what a
 * read of those ids finds with the same access rules: the record, with the same columns, or
 * nothing where the caller may not see it.
 */
describe.each(testDatabaseKinds())('related records joined to a list on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  // Half the members hidden, as a permission rule would hide them.
  const access: AccessScope = {
    ...UNRESTRICTED,
    rows: (typeName, alias) => (typeName === 'Member' ? `${alias}.\`id\` % 2 = 0` : null),
  };

  it('finds what a read of the ids finds, hidden records as none', async () => {
    const { dataSource } = database;
    const memberShape = rowShapeFor(dataSource, MEMBER_COLLECTION, new Set(['name', 'city']));
    const { pages, joined } = await fetchPagesWithJoins<{ memberId: number }>(
      dataSource,
      PROJECT_PARTNER_COLLECTION,
      { first: 100 },
      {
        defaultOrder: PROJECT_PARTNER_COLLECTION.defaultOrder,
        access,
        shape: rowShapeFor(dataSource, PROJECT_PARTNER_COLLECTION, new Set(['role', 'member'])),
        joins: [
          {
            foreignKey: 'memberId',
            target: MEMBER_COLLECTION,
            shape: memberShape as RowShape & { columns: readonly string[] },
          },
        ],
      },
    );
    const partners = pages.get(null)!.nodes;
    expect(partners).toHaveLength(100);
    const ids = [...new Set(partners.map((partner) => partner.memberId))];
    const read = await fetchByIds(dataSource, MEMBER_COLLECTION, ids, access, memberShape);
    // Every id the page names (the statement also reads the row after the page, to know
    // whether one follows: its record comes along).
    for (const id of ids) {
      expect(joined[0].has(id)).toBe(true);
      expect(joined[0].get(id)).toEqual(read.get(id) ?? null);
    }
    const found = ids.filter((id) => joined[0].get(id) !== null);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(ids.length);
  });
});
