import 'reflect-metadata';

import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isCompositeType,
  isNonNullType,
  isObjectType,
} from 'graphql';

import { toGlobalId } from '../../server/src/core/global-id';
import { readRows } from '../../server/src/database/database';
import { AuditLogEntry } from '../../server/src/database/unit-of-work/audit-log-entry.entity';
import { COLLECTIONS, servedSchema } from '../../server/src/features';
import { countStatements } from '../helpers/statement-counter';
import {
  createEmptyDatabase,
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN } from '../helpers/tokens';

/**
 * Reads select only the columns an operation asks for (database/query/row-shape.ts). A field
 * whose resolver reads a column the shape leaves out would fail (its property throws) or, worse,
 * read nothing: so every field of every collection type, asked for alone, must answer exactly
 * what it answers among all the others, through `nodes(ids:)` (records by id) and through the
 * root lists (pages).
 */

/** How a field is asked for: scalars as they are, objects by their type name or count. */
function selectionOf(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((argument) => isNonNullType(argument.type) && !argument.defaultValue))
    return null;
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return field.name;
  if (isObjectType(type) && type.getFields().totalCount) return `${field.name} { totalCount }`;
  return `${field.name} { __typename }`;
}

function fieldsOf(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .map(selectionOf)
    .filter((selection): selection is string => selection !== null);
}

describe.each(testDatabaseKinds())('narrow row reads on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;
  /** The audit log is empty in the seeded data: it gets entries in a database of its own. */
  let auditDatabase: TestDatabase;
  let auditEnvironment: TestEnvironment;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    environment = await createTestEnvironment(database, {}, { as: ADMIN });
    auditDatabase = await createEmptyDatabase(kind, 'row-shapes');
    await auditDatabase.dataSource.getRepository(AuditLogEntry).save(
      [1, 2].map((recordId) =>
        Object.assign(new AuditLogEntry(), {
          actor: 'token:1',
          operation: 'updateProject',
          recordType: 'Project',
          recordId,
          changesJson: JSON.stringify([{ field: 'title', before: 'A', after: `B${recordId}` }]),
          requestId: `request-${recordId}`,
          occurredAt: new Date(Date.UTC(2026, 0, recordId)),
        }),
      ),
    );
    auditEnvironment = await createTestEnvironment(auditDatabase, {}, { as: ADMIN });
    schema = await servedSchema();
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
    await auditEnvironment?.close();
    await auditDatabase?.drop();
  });

  const collectionTypes = [...COLLECTIONS.keys()].sort();

  it.each(collectionTypes)('every field of %s answers alone as it does among all', async (name) => {
    const spec = COLLECTIONS.get(name)!;
    const [source, server] =
      name === 'AuditLogEntry' ? [auditDatabase, auditEnvironment] : [database, environment];
    const type = schema.getType(name) as GraphQLObjectType;
    const rows = (await readRows(
      source.dataSource,
      `SELECT t0.\`id\` AS id FROM \`${spec.table}\` t0 ORDER BY t0.\`id\` LIMIT 5`,
    )) as { id: number | string }[];
    // Every collection is examined: one with no rows would let this case pass unexamined.
    expect(rows.length).toBeGreaterThan(0);
    const ids = rows.map((row) => toGlobalId(name, Number(row.id)));
    const fields = fieldsOf(type);
    const ask = (selection: string) =>
      server.query<{ nodes: Record<string, unknown>[] }>(
        `query Records($ids: [ID!]!) { nodes(ids: $ids) { ... on ${name} { ${selection} } } }`,
        { ids },
      );

    const all = await ask(fields.join(' '));
    expect(all.errors).toBeUndefined();
    expect(all.data!.nodes.every((node) => node !== null)).toBe(true);
    for (const field of fields) {
      const alone = await ask(field);
      const key = field.split(' ')[0];
      expect({ field, errors: alone.errors }).toEqual({ field, errors: undefined });
      expect(alone.data!.nodes.map((node) => node[key])).toEqual(
        all.data!.nodes.map((node) => node[key]),
      );
    }
  });

  it('root lists read only the columns asked for, and answer as with every column', async () => {
    const roots = Object.values(schema.getQueryType()!.getFields()).filter((field) => {
      const type = getNamedType(field.type);
      return isObjectType(type) && type.getFields().nodes && type.getFields().edges;
    });
    expect(roots.map((root) => root.name)).toEqual(
      expect.arrayContaining(['poles', 'projects', 'members']),
    );
    for (const root of roots) {
      if (root.name === 'auditLog') continue; // empty here; its records are examined above
      const nodeType = getNamedType(
        (getNamedType(root.type) as GraphQLObjectType).getFields().nodes.type,
      ) as GraphQLObjectType;
      const fields = fieldsOf(nodeType);
      const all = await environment.query<Record<string, { nodes: Record<string, unknown>[] }>>(
        `{ list: ${root.name}(first: 5) { nodes { ${fields.join(' ')} } } }`,
      );
      expect({ root: root.name, errors: all.errors }).toEqual({
        root: root.name,
        errors: undefined,
      });
      for (const field of fields) {
        const key = field.split(' ')[0];
        const alone = await environment.query<
          Record<string, { edges: { node: Record<string, unknown> }[] }>
        >(`{ list: ${root.name}(first: 5) { edges { node { ${field} } } } }`);
        expect({ root: root.name, field, errors: alone.errors }).toEqual({
          root: root.name,
          field,
          errors: undefined,
        });
        expect(alone.data!.list.edges.map((edge) => edge.node[key])).toEqual(
          all.data!.list.nodes.map((node) => node[key]),
        );
      }
    }
  });

  it('reads the sort values cursors are made of only when a cursor is asked for', async () => {
    const pageOf = async (selection: string) => {
      const { result, statements } = await countStatements(database.dataSource, () =>
        environment.query<{ poles: { pageInfo?: { endCursor: string } } }>(
          `{ poles(first: 3) { ${selection} } }`,
        ),
      );
      expect(result.errors).toBeUndefined();
      return { data: result.data!, page: statements.find((sql) => /FROM `pole` t0/.test(sql))! };
    };
    const namesOnly = await pageOf('nodes { name } pageInfo { hasNextPage }');
    expect(namesOnly.page).not.toContain('__o0');
    for (const selection of [
      'pageInfo { endCursor }',
      'edges { cursor }',
      '...on PoleConnection { pageInfo { startCursor } }',
    ]) {
      expect((await pageOf(selection)).page).toContain('__o0');
    }
    // And the cursor read leads to the next page.
    const first = await pageOf('pageInfo { endCursor }');
    const next = await environment.query<{ poles: { nodes: { name: string }[] } }>(
      'query ($after: String) { poles(first: 1, after: $after) { nodes { name } } }',
      { after: first.data.poles.pageInfo!.endCursor },
    );
    const all = await environment.query<{ poles: { nodes: { name: string }[] } }>(
      '{ poles(first: 4) { nodes { name } } }',
    );
    expect(next.data!.poles.nodes[0].name).toBe(all.data!.poles.nodes[3].name);
  });

  it('a page of poles asked for their names reads the key and name columns, not every column', async () => {
    const { statements } = await countStatements(database.dataSource, () =>
      environment.query('{ poles(first: 3) { nodes { name } } }'),
    );
    const page = statements.find((sql) => /FROM `pole` t0/.test(sql))!;
    expect(page).toBeDefined();
    expect(page).not.toContain('t0.*');
    expect(page).toContain('t0.`name`');
    expect(page).not.toContain('t0.`website`');
  });
});
