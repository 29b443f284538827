import { SCORED_CRITERION } from '../helpers/labelling-phases';
import { countStatements } from '../helpers/statement-counter';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

/**
 * A filter on a reference table (`programme: { level: { eq: EUROPEAN } }`) reaches MySQL and
 * MariaDB as the ids it matches, read by a statement of their own and kept between requests;
 * SQLite keeps the semi-join (sql-dialect.ts, `referenceFiltersAsIds`, says why). Either way the
 * answers are those of the filter.
 */
const PAGE = `query Page($filter: ProjectFilter) {
  projects(first: 10, filter: $filter, orderBy: [{ field: TOTAL_BUDGET, direction: DESC }]) {
    totalCount
    nodes { acronym programme { level } }
  }
}`;
const STATS = `query Stats($filter: ProjectFilter) {
  projectStats(groupBy: [YEAR], filter: $filter) { key { year } count }
}`;
const OPEN_PHASE = `mutation OpenLabellingPhase($input: OpenLabellingPhaseInput!) {
  openLabellingPhase(input: $input) { phase { number } userErrors { code message } }
}`;

const EUROPEAN = { programme: { level: { eq: 'EUROPEAN' } } };
const NO_PROGRAMME = { programme: { code: { eq: 'NO_SUCH_PROGRAMME' } } };

/** The statement that reads the ids of the programmes a filter matches. */
const IDS_STATEMENT = /^SELECT t0\.`id` FROM `funding_programme` t0 WHERE /;

interface PageData {
  projects: { totalCount: number; nodes: { acronym: string; programme: { level: string } }[] };
}

describe.each(testDatabaseKinds())('filters on reference tables on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;
  let admin: { authorization: string };

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'reffilters');
    environment = await createTestEnvironment(database, { database: { readCacheMs: 60_000 } });
    admin = await bearerFor(database.dataSource, { ...ADMIN, name: 'reference filters' });
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  const query = async <T>(document: string, variables: Record<string, unknown>, headers = {}) => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query<T>(document, variables, headers),
    );
    expect(result.errors).toBeUndefined();
    return { data: result.data as T, statements };
  };

  /** The European projects by budget, and how many there are, by SQL written by hand. */
  async function europeanBySql(): Promise<{ acronyms: string[]; count: number }> {
    const from =
      'FROM `project` p JOIN `funding_programme` f ON f.`id` = p.`programmeId` ' +
      "WHERE f.`level` = 'EUROPEAN'";
    const rows = (await database.dataSource.query(
      `SELECT p.\`acronym\` FROM \`project\` p JOIN \`funding_programme\` f ON f.\`id\` = p.\`programmeId\` WHERE f.\`level\` = 'EUROPEAN' ORDER BY p.\`totalBudget\` DESC, p.\`id\` DESC LIMIT 10`,
    )) as { acronym: string }[];
    const [{ n }] = (await database.dataSource.query(`SELECT COUNT(*) AS n ${from}`)) as {
      n: number | string;
    }[];
    return { acronyms: rows.map((row) => row.acronym), count: Number(n) };
  }

  it('answers what the filter says, the page and its total', async () => {
    const expected = await europeanBySql();
    expect(expected.count).toBeGreaterThan(10);
    // An administrator sees every budget (others sort hidden ones as unknown).
    const { data } = await query<PageData>(PAGE, { filter: EUROPEAN }, admin);
    expect(data.projects.totalCount).toBe(expected.count);
    expect(data.projects.nodes.map((node) => node.acronym)).toEqual(expected.acronyms);
    expect(new Set(data.projects.nodes.map((node) => node.programme.level))).toEqual(
      new Set(['EUROPEAN']),
    );
  });

  it('answers nothing when no reference row matches, and everything for its negation', async () => {
    const [{ n }] = (await database.dataSource.query('SELECT COUNT(*) AS n FROM `project`')) as {
      n: number | string;
    }[];
    const none = await query<PageData>(PAGE, { filter: NO_PROGRAMME });
    expect(none.data.projects).toEqual({ totalCount: 0, nodes: [] });
    const all = await query<PageData>(PAGE, { filter: { not: NO_PROGRAMME } });
    expect(all.data.projects.totalCount).toBe(Number(n));
  });

  it('answers a filter through a join table (a project’s themes) as SQL does', async () => {
    const codes = ['HEALTH_BIOTECH', 'AGRIFOOD', 'ENERGY'];
    const [{ n }] = (await database.dataSource.query(
      'SELECT COUNT(DISTINCT pt.`projectId`) AS n FROM `project_theme` pt JOIN `theme` t ON t.`id` = pt.`themeId` ' +
        `WHERE t.\`code\` IN (${codes.map(() => '?').join(', ')})`,
      codes,
    )) as { n: number | string }[];
    expect(Number(n)).toBeGreaterThan(10);
    const { data, statements } = await query<PageData>(
      PAGE,
      { filter: { theme: { code: { in: codes } } } },
      admin,
    );
    expect(data.projects.totalCount).toBe(Number(n));
    const reads = statements.filter((sql) => sql.includes('FROM `project`'));
    for (const sql of reads) {
      if (kind === 'mysql') {
        // The themes' ids on the join table's key: the theme table is not read.
        expect(sql).toContain('`themeId` IN (?, ?, ?)');
        expect(sql).not.toContain('JOIN `theme`');
      } else {
        expect(sql).toContain('JOIN `theme`');
      }
    }
  });

  if (kind === 'mysql') {
    it('sends the ids to MySQL/MariaDB: read once, then kept for the next requests', async () => {
      const filter = { programme: { level: { in: ['EUROPEAN', 'REGIONAL'] } } };
      const first = await query<PageData>(PAGE, { filter });
      const ids = first.statements.filter((sql) => IDS_STATEMENT.test(sql));
      // One read of the ids, shared by the page and its total.
      expect(ids).toHaveLength(1);
      const [{ list }] = (await database.dataSource.query(
        "SELECT GROUP_CONCAT(`id` ORDER BY `id`) AS list FROM `funding_programme` WHERE `level` IN ('EUROPEAN', 'REGIONAL')",
      )) as { list: string }[];
      const programmeIds = list.split(',');
      const reads = first.statements.filter((sql) => sql.includes('FROM `project`'));
      expect(reads.length).toBeGreaterThanOrEqual(2);
      for (const sql of reads) {
        expect(sql).toContain(`\`programmeId\` IN (${programmeIds.map(() => '?').join(', ')})`);
        expect(sql).not.toContain('`funding_programme`');
      }

      const second = await query<PageData>(PAGE, { filter });
      expect(second.statements.filter((sql) => IDS_STATEMENT.test(sql))).toEqual([]);
      expect(second.data).toEqual(first.data);

      // Statistics take the same path.
      const stats = await query(STATS, { filter });
      const grouped = stats.statements.filter((sql) => sql.includes('FROM `project`'));
      expect(grouped).toHaveLength(1);
      expect(grouped[0]).toContain('`programmeId` IN (');
    });

    it('reads the ids again after a write commits', async () => {
      await query(PAGE, { filter: EUROPEAN });
      const opened = await query(
        OPEN_PHASE,
        {
          input: {
            number: 9,
            name: 'Phase 9',
            startYear: 2036,
            endYear: 2039,
            description: 'Une phase de test.',
            criteria: [SCORED_CRITERION],
          },
        },
        admin,
      );
      expect(opened.data).toEqual({ openLabellingPhase: { phase: { number: 9 }, userErrors: [] } });
      const after = await query(PAGE, { filter: EUROPEAN });
      expect(after.statements.filter((sql) => IDS_STATEMENT.test(sql))).toHaveLength(1);
    });
  } else {
    it('keeps the semi-join on SQLite, whose planner would sort every matching row', async () => {
      const { statements } = await query(PAGE, { filter: EUROPEAN });
      expect(statements.filter((sql) => IDS_STATEMENT.test(sql))).toEqual([]);
      const page = statements.find((sql) => sql.includes('LIMIT'))!;
      expect(page).toContain('`programmeId` IN (SELECT');
    });
  }
});
