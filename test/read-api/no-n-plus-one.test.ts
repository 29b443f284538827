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
  it('answers totalCount and the aggregates asked (through a fragment) in one statement that computes only those', async () => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query<{
        projects: {
          totalCount: number;
          aggregate: { count: number; sum: { budget: string } };
          nodes: unknown[];
        };
      }>(
        `query EuropeanTotals {
          projects(first: 2, filter: { programme: { level: { eq: EUROPEAN } } }) {
            totalCount ...Totals nodes { acronym }
          }
        }
        fragment Totals on ProjectConnection { aggregate { count sum { budget: totalBudget } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    const [row] = (await database.dataSource.query(
      "SELECT COUNT(*) AS n, SUM(p.totalBudget) AS total FROM project p JOIN funding_programme f ON f.id = p.programmeId WHERE f.level = 'EUROPEAN'",
    )) as { n: number | string; total: string | number }[];
    const { totalCount, aggregate } = result.data!.projects;
    expect(totalCount).toBe(Number(row.n));
    expect(aggregate.count).toBe(Number(row.n));
    expect(Math.abs(Number(aggregate.sum.budget) - Number(row.total))).toBeLessThan(0.01);
    // On MySQL/MariaDB the European programmes' ids first (reference-filters.ts): read once, then
    // kept between requests (so none when a request before this one read them).
    const ids = statements.filter((sql) =>
      sql.startsWith('SELECT t0.`id` FROM `funding_programme`'),
    );
    expect(ids.length).toBeLessThanOrEqual(kind === 'mysql' ? 1 : 0);
    // The page, then one statement for both totals, with the one measure asked.
    expect(statements).toHaveLength(AUTHENTICATION_STATEMENTS + ids.length + 2);
    const totals = statements.filter((sql) => sql.includes('COUNT(*)'));
    expect(totals).toHaveLength(1);
    expect(totals[0]).toContain('sum_totalBudget');
    expect(totals[0]).not.toMatch(/avg_|min_|max_|publicFunding/);
  });

  it('answers the nested totals of every parent in one statement, with the measures asked', async () => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query<{
        poles: {
          nodes: {
            projects: {
              totalCount: number;
              aggregate: { count: number; max: { totalBudget: string | null } };
            };
          }[];
        };
      }>(
        `query PoleTotals {
          poles(first: 5) { nodes { projects(first: 1) { totalCount aggregate { count max { totalBudget } } } } }
        }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    for (const pole of result.data!.poles.nodes) {
      expect(pole.projects.aggregate.count).toBe(pole.projects.totalCount);
    }
    // Poles, their first project each, and one statement of totals for the five.
    expect(statements).toHaveLength(AUTHENTICATION_STATEMENTS + 3);
    const totals = statements.filter((sql) => sql.includes('COUNT(*)'));
    expect(totals).toHaveLength(1);
    expect(totals[0]).toContain('max_totalBudget');
    expect(totals[0]).not.toMatch(/sum_|avg_|min_/);
  });

  it("reads the related records of a list level in the list's own statement, for every parent", async () => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query<{ projects: { nodes: { partners: { member: { name: string } }[] }[] } }>(
        'query PartnerNames { projects(first: 50) { nodes { partners { member { name } } } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    const partners = result.data!.projects.nodes.flatMap((project) => project.partners);
    expect(partners.length).toBeGreaterThan(50);
    for (const partner of partners) expect(partner.member.name).toEqual(expect.any(String));
    // The page, then the partners of its 50 projects with their members (joined).
    expect(statements).toHaveLength(AUTHENTICATION_STATEMENTS + 2);
    expect(statements.at(-1)).toMatch(/FROM `project_partner` t0 LEFT JOIN `member`/);
  });

  it('answers the same related record under aliases asking for different fields', async () => {
    type Partner = {
      named: { name: string };
      placed: { region: { code: string } };
      both: { name: string; region: { code: string; name: string } };
    };
    const aliased = await environment.query<{ projects: { nodes: { partners: Partner[] }[] } }>(
      `query AliasedPartners {
        projects(first: 20) {
          nodes {
            partners {
              named: member { name }
              placed: member { region { code } }
              both: member { name region { code name } }
            }
          }
        }
      }`,
    );
    const plain = await environment.query<{
      projects: { nodes: { partners: { member: Partner['both'] }[] }[] };
    }>(
      'query Partners { projects(first: 20) { nodes { partners { member { name region { code name } } } } } }',
    );
    expect(aliased.errors).toBeUndefined();
    expect(plain.errors).toBeUndefined();
    const members = plain.data!.projects.nodes.flatMap((project) =>
      project.partners.map((partner) => partner.member),
    );
    const partners = aliased.data!.projects.nodes.flatMap((project) => project.partners);
    expect(partners).toHaveLength(members.length);
    partners.forEach((partner, index) => {
      expect(partner.both).toEqual(members[index]);
      expect(partner.named).toEqual({ name: members[index].name });
      expect(partner.placed).toEqual({ region: { code: members[index].region.code } });
    });
  });
  it('reads a related record of the list’s own type (a pole’s successor) with its own relations', async () => {
    type PoleRow = { name: string; successor: { name: string; region: { name: string } } | null };
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query<{ poles: { nodes: PoleRow[] } }>(
        'query Successors { poles(first: 100) { nodes { name successor { name region { name } } } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    const poles = result.data!.poles.nodes;
    expect(poles.find((pole) => pole.name === 'Elastopôle')?.successor).toEqual({
      name: 'Polymeris',
      region: { name: 'Auvergne-Rhône-Alpes' },
    });
    expect(poles.filter((pole) => pole.successor === null).length).toBeGreaterThan(40);
    // The page, the successors, and the regions unless an earlier request left them kept.
    const regionReads = statements.filter((sql) => sql.includes('FROM `region`'));
    expect(regionReads.length).toBeLessThanOrEqual(1);
    expect(statements).toHaveLength(AUTHENTICATION_STATEMENTS + 2 + regionReads.length);
  });
});
