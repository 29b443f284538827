import 'reflect-metadata';

import { AUTHENTICATION_STATEMENTS, countStatements } from '../helpers/statement-counter';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ANALYST } from '../helpers/tokens';

const NATIONAL_OVERVIEW = /* GraphQL */ `
  query NationalOverview($poles: Int!, $projects: Int!) {
    poles(first: $poles) {
      nodes {
        region {
          name
        }
        themes {
          name
        }
        projects(first: $projects) {
          nodes {
            programme {
              name
            }
            partners {
              member {
                name
                region {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe.each(testDatabaseKinds())('statements per request on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    environment = await createTestEnvironment(database, {}, { as: ANALYST });
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  it.each([
    [55, 10],
    [5, 2],
    [100, 100],
  ])(
    'poles(first: %i) with projects(first: %i) and their partners costs at most 8 statements, authentication included',
    async (poles, projects) => {
      const { result, statements } = await countStatements(database.dataSource, () =>
        environment.query<{
          poles: { nodes: { projects: { nodes: { partners: unknown[] }[] } }[] };
        }>(NATIONAL_OVERVIEW, { poles, projects }),
      );
      expect(result.errors).toBeUndefined();
      const poleNodes = result.data!.poles.nodes;
      const [{ n: poleRows }] = (await database.dataSource.query(
        'SELECT COUNT(*) AS n FROM pole',
      )) as { n: number | string }[];
      expect(poleNodes.length).toBe(Math.min(poles, Number(poleRows)));
      const projectCount = poleNodes.reduce((sum, pole) => sum + pole.projects.nodes.length, 0);
      expect(projectCount).toBeGreaterThan(poleNodes.length); // the nested level really loaded rows
      expect(statements.length).toBeLessThanOrEqual(8);
    },
  );

  it('counts only when totalCount is selected', async () => {
    const withoutCount = await countStatements(database.dataSource, () =>
      environment.query('query PoleNames { poles(first: 5) { nodes { name } } }'),
    );
    const withCount = await countStatements(database.dataSource, () =>
      environment.query(
        'query PoleNamesAndCount { poles(first: 5) { totalCount nodes { name } } }',
      ),
    );
    expect(withoutCount.statements).toHaveLength(AUTHENTICATION_STATEMENTS + 1);
    expect(withCount.statements).toHaveLength(AUTHENTICATION_STATEMENTS + 2);
  });
});
