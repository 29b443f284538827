import { randomBytes } from 'node:crypto';

import { DATA_VERSION_CHECK_MS } from '../../server/src/database/query/kept-reads';
import { proxiedRedis } from '../helpers/flaky-proxy';
import { SCORED_CRITERION } from '../helpers/labelling-phases';
import { CHANGE_STATUS } from '../helpers/open-projects';
import { countStatements } from '../helpers/statement-counter';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

const REGIONS = 'query Regions { regions { code name } }';
const PHASES = 'query Phases { labellingPhases { number name } }';
const POLE_PAGE = `query PolePage {
  poles(first: 5) { nodes { name region { code name } themes { code } } }
}`;
const OPEN_PHASE = `mutation OpenLabellingPhase($input: OpenLabellingPhaseInput!) {
  openLabellingPhase(input: $input) { phase { number } userErrors { code message } }
}`;

const phaseInput = (number: number) => ({
  input: {
    number,
    name: `Phase ${number}`,
    startYear: 2000 + number * 4,
    endYear: 2003 + number * 4,
    description: 'Une phase de test.',
    criteria: [SCORED_CRITERION],
  },
});

/** The statements among `statements` that read the table `table`. */
const reading = (statements: readonly string[], table: string) =>
  statements.filter((sql) => sql.includes(`FROM \`${table}\``));

/** Whether `condition` holds within 10 s, asked every 20 ms (what another instance hears). */
async function eventually(condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe.each(testDatabaseKinds())('reads kept between requests on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;
  let admin: { authorization: string };

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'keptreads');
    environment = await createTestEnvironment(database, {
      database: { readCacheMs: 60_000 },
    });
    admin = await bearerFor(database.dataSource, { ...ADMIN, name: 'reference tables' });
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  const query = async (document: string, variables = {}, headers = {}) => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      environment.query(document, variables, headers),
    );
    expect(result.errors).toBeUndefined();
    return { data: result.data as Record<string, unknown>, statements };
  };

  it('reads a reference table once: the next requests, and the pages that show its rows, read none', async () => {
    const first = await query(REGIONS);
    expect(reading(first.statements, 'region')).toHaveLength(1);
    const second = await query(REGIONS);
    expect(second.statements).toEqual([]);
    expect(second.data).toEqual(first.data);
    expect((first.data.regions as unknown[]).length).toBe(18);

    const page = await query(POLE_PAGE);
    const poles = (page.data.poles as { nodes: { region: { code: string } | null }[] }).nodes;
    expect(poles.length).toBe(5);
    expect(poles.every((pole) => pole.region?.code)).toBe(true);
    expect(reading(page.statements, 'region')).toEqual([]);
  });

  it('shows a write through the API to the very next request', async () => {
    const before = await query(PHASES);
    const numbers = (data: Record<string, unknown>) =>
      (data.labellingPhases as { number: number }[]).map((phase) => phase.number);
    expect(numbers(before.data)).not.toContain(9);
    await query(PHASES);

    const opened = await query(OPEN_PHASE, phaseInput(9), admin);
    expect(opened.data.openLabellingPhase).toEqual({ phase: { number: 9 }, userErrors: [] });
    const after = await query(PHASES);
    expect(numbers(after.data)).toEqual([...numbers(before.data), 9]);
    expect(reading(after.statements, 'labelling_phase')).toHaveLength(1);
  });

  it('sees a change made behind its back (SQL by hand): on SQLite at once, elsewhere within READ_CACHE_MS', async () => {
    const ttlMs = 400;
    const short = await createTestEnvironment(database, { database: { readCacheMs: ttlMs } });
    const name = async () => {
      const result = await short.query<{ regions: { code: string; name: string }[] }>(REGIONS);
      return result.data!.regions.find((region) => region.code === '53')!.name;
    };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      const original = await name();
      await database.dataSource.query('UPDATE `region` SET `name` = ? WHERE `code` = ?', [
        'Breizh',
        '53',
      ]);
      if (kind === 'sqlite') {
        // Another connection committed: SQLite's data_version says so at its next check.
        await pause(DATA_VERSION_CHECK_MS + 2);
        expect(await name()).toBe('Breizh');
      } else {
        // Nothing tells MySQL/MariaDB's readers: kept until the TTL ends.
        expect(await name()).toBe(original);
        await pause(ttlMs + 100);
        expect(await name()).toBe('Breizh');
      }
      await database.dataSource.query('UPDATE `region` SET `name` = ? WHERE `code` = ?', [
        original,
        '53',
      ]);
    } finally {
      await short.close();
    }
  });

  const FUNDED_TOTALS = `query FundedTotals {
    projects(first: 2, filter: { status: { eq: FUNDED } }) {
      totalCount aggregate { count sum { totalBudget } } nodes { id version }
    }
  }`;
  type Totals = {
    projects: {
      totalCount: number;
      aggregate: { count: number; sum: { totalBudget: string | null } };
      nodes: { id: string; version: number }[];
    };
  };
  const totalsStatements = (statements: readonly string[]) =>
    statements.filter((sql) => /COUNT\(\*\) AS __count/.test(sql));

  it("keeps a list's totals until a write: a page then reads only its rows", async () => {
    const first = await query(FUNDED_TOTALS, {}, admin);
    const second = await query(FUNDED_TOTALS, {}, admin);
    expect(second.data).toEqual(first.data);
    expect(totalsStatements(second.statements)).toEqual([]);
    expect(reading(second.statements, 'project')).toHaveLength(1);

    const funded = (first.data as Totals).projects;
    const [project] = funded.nodes;
    const moved = await query(
      CHANGE_STATUS,
      { id: project.id, to: 'IN_PROGRESS', expectedVersion: project.version },
      admin,
    );
    expect(moved.data.changeProjectStatus).toMatchObject({ userErrors: [] });
    const after = await query(FUNDED_TOTALS, {}, admin);
    expect(totalsStatements(after.statements)).toHaveLength(1);
    expect((after.data as Totals).projects.totalCount).toBe(funded.totalCount - 1);
    expect((after.data as Totals).projects.aggregate.count).toBe(funded.totalCount - 1);
  });

  it('never gives one caller the totals another may see: equal statements only share answers', async () => {
    // Budgets are detail: anonymous callers' sums cover none of them, an analyst's all.
    const document = `query PublicTotals {
      projects(first: 1, filter: { status: { eq: COMPLETED } }) { totalCount aggregate { sum { totalBudget } } }
    }`;
    const sum = (data: Record<string, unknown>) =>
      (data as { projects: { aggregate: { sum: { totalBudget: string | null } } } }).projects
        .aggregate.sum.totalBudget;
    const anonymousFirst = await query(document);
    const analyst = await query(document, {}, admin);
    const anonymousAgain = await query(document);
    expect(sum(analyst.data)).not.toEqual(sum(anonymousFirst.data));
    expect(Number(sum(analyst.data))).toBeGreaterThan(0);
    expect(sum(anonymousAgain.data)).toEqual(sum(anonymousFirst.data));
    expect(totalsStatements(anonymousAgain.statements)).toEqual([]);
  });

  it('keeps grouped statistics until a write, as it keeps totals', async () => {
    const STATS = `query StatusCounts { projectStats(groupBy: [STATUS]) { key { status } count } }`;
    type Stats = { projectStats: { key: { status: string }; count: number }[] };
    const funded = (data: Record<string, unknown>) =>
      (data as Stats).projectStats.find((group) => group.key.status === 'FUNDED')!.count;
    const first = await query(STATS, {}, admin);
    const second = await query(STATS, {}, admin);
    expect(second.data).toEqual(first.data);
    expect(reading(second.statements, 'project')).toEqual([]);

    const page = (await query(FUNDED_TOTALS, {}, admin)).data as Totals;
    const [project] = page.projects.nodes;
    await query(
      CHANGE_STATUS,
      { id: project.id, to: 'IN_PROGRESS', expectedVersion: project.version },
      admin,
    );
    const after = await query(STATS, {}, admin);
    expect(funded(after.data)).toBe(funded(first.data) - 1);
  });

  it('reports what it kept, read and dropped in /metrics', async () => {
    const counter = async (name: string, kind: string) => {
      const text = await (await fetch(new URL('/metrics', environment.url))).text();
      return Number(new RegExp(`^${name}\\{kind="${kind}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
    };
    await query(REGIONS);
    const hits = await counter('polegraph_kept_reads_hits_total', 'reference_tables');
    await query(REGIONS);
    expect(await counter('polegraph_kept_reads_hits_total', 'reference_tables')).toBe(hits + 1);
    const dropped = await counter('polegraph_kept_reads_dropped_total', 'totals');
    await query(FUNDED_TOTALS, {}, admin);
    const misses = await counter('polegraph_kept_reads_misses_total', 'totals');
    expect(misses).toBeGreaterThan(0);
    await query(OPEN_PHASE, phaseInput(11), admin);
    expect(await counter('polegraph_kept_reads_dropped_total', 'totals')).toBeGreaterThan(dropped);
  });

  // With Redis only (TEST_REDIS_URL), as every suite that needs it.
  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl)
    it('drops what every instance joined by Redis keeps when one of them writes', async () => {
      const redis = {
        url: redisUrl!,
        keyPrefix: `polegraph-keptreads-${process.pid}-${randomBytes(4).toString('hex')}:`,
      };
      // A TTL no test waits for: only the message can make the other instance read again.
      const options = { database: { readCacheMs: 600_000 }, redis };
      const writer = await createTestEnvironment(database, options);
      const reader = await createTestEnvironment(database, options);
      try {
        const phases = async () =>
          (await reader.query<{ labellingPhases: { number: number }[] }>(PHASES)).data!
            .labellingPhases;
        const funded = async () =>
          (await reader.query<Totals>(FUNDED_TOTALS, {}, admin)).data!.projects;
        expect((await phases()).map((phase) => phase.number)).not.toContain(10);
        const before = await funded();

        const opened = await writer.query(OPEN_PHASE, phaseInput(10), admin);
        expect(opened.errors).toBeUndefined();
        expect(await eventually(async () => (await phases()).some((p) => p.number === 10))).toBe(
          true,
        );
        const [project] = before.nodes;
        const moved = await writer.query(
          CHANGE_STATUS,
          { id: project.id, to: 'IN_PROGRESS', expectedVersion: project.version },
          admin,
        );
        expect(moved.errors).toBeUndefined();
        expect(
          await eventually(async () => (await funded()).totalCount === before.totalCount - 1),
        ).toBe(true);
      } finally {
        await writer.close();
        await reader.close();
      }
    });
  if (redisUrl)
    it('keeps nothing while Redis cannot be reached, and drops what it kept when Redis is back', async () => {
      // The reader reaches Redis through a proxy the test cuts; the writer reaches it directly.
      const { proxy, url: throughProxy } = await proxiedRedis(redisUrl!);
      const keyPrefix = `polegraph-keptreads-${process.pid}-${randomBytes(4).toString('hex')}:`;
      const readCacheMs = 600_000;
      const writer = await createTestEnvironment(database, {
        database: { readCacheMs },
        redis: { url: redisUrl!, keyPrefix },
      });
      const reader = await createTestEnvironment(database, {
        database: { readCacheMs },
        redis: { url: throughProxy, keyPrefix },
      });
      const heard = async () => {
        const text = await (await fetch(new URL('/metrics', reader.url))).text();
        return Number(/^polegraph_live_events_heard (\d+)$/m.exec(text)?.[1]);
      };
      /** The phases the reader answers, and how many statements read them. */
      const phases = async () => {
        const { result, statements } = await countStatements(database.dataSource, () =>
          reader.query<{ labellingPhases: { number: number }[] }>(PHASES),
        );
        expect(result.errors).toBeUndefined();
        return {
          numbers: result.data!.labellingPhases.map((phase) => phase.number),
          reads: reading(statements, 'labelling_phase').length,
        };
      };
      const open = async (number: number) =>
        expect((await writer.query(OPEN_PHASE, phaseInput(number), admin)).errors).toBeUndefined();
      try {
        expect(await heard()).toBe(1);
        await phases();
        expect((await phases()).reads).toBe(0);

        // Cut: the writer's message cannot reach the reader, which reads every time instead.
        proxy.cut();
        expect(await eventually(async () => (await heard()) === 0)).toBe(true);
        await open(12);
        expect(await phases()).toEqual({ numbers: expect.arrayContaining([12]), reads: 1 });
        expect((await phases()).reads).toBe(1);

        // Back: kept again.
        proxy.restore();
        expect(await eventually(async () => (await heard()) === 1)).toBe(true);
        await phases();
        expect((await phases()).reads).toBe(0);

        // A write during a cut nobody asked through: seen as soon as Redis is back.
        proxy.cut();
        expect(await eventually(async () => (await heard()) === 0)).toBe(true);
        await open(13);
        proxy.restore();
        expect(await eventually(async () => (await heard()) === 1)).toBe(true);
        expect((await phases()).numbers).toContain(13);

        // A stop while Redis is cut, with a change of its own waiting to be published: it ends
        // within a bound (a graceful close waited for ever for those publishes' answers).
        proxy.cut();
        expect(await eventually(async () => (await heard()) === 0)).toBe(true);
        const opened = await reader.query(OPEN_PHASE, phaseInput(14), admin);
        expect(opened.errors).toBeUndefined();
        const stopping = Date.now();
        await reader.close();
        expect(Date.now() - stopping).toBeLessThan(5000);
      } finally {
        await writer.close();
        await reader.close();
        await proxy.close();
      }
    });
});
