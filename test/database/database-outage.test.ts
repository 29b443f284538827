import type { DatabaseConfig } from '../../server/src/config/config';
import { DEFAULT_DATABASE_LIMITS } from '../../server/src/config/config';
import { openDataSource } from '../../server/src/database/data-source';
import { closeDatabase } from '../../server/src/database/database';
import { mysqlPoolOf } from '../../server/src/database/mysql-pool';
import { inTransaction } from '../../server/src/database/transactions';
import { ENTITIES } from '../../server/src/features';
import { Region } from '../../server/src/region/region.entity';
import { FlakyProxy } from '../helpers/flaky-proxy';
import { createEmptyDatabase, type TestDatabase } from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

const REGIONS = '{ regions { code } }';
/** How long the server may take to say the database is unavailable: the budget plus margin, never the outage's length. */
const PROMPT_MS = 4000;
const LIMITS = {
  ...DEFAULT_DATABASE_LIMITS,
  maxStatementMs: 1000,
  connectTimeoutMs: 1000,
  acquireTimeoutMs: 1000,
};

const describeOnMysql = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnMysql('a database that is cut or stalled (MySQL/MariaDB through a TCP proxy)', () => {
  let database: TestDatabase;
  let proxy: FlakyProxy;
  let environment: TestEnvironment;
  let proxied: TestDatabase;

  beforeAll(async () => {
    database = await createEmptyDatabase('mysql', 'outage');
    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code: '84', name: 'Auvergne-Rhône-Alpes' })),
    );
    const target = database.config as Extract<DatabaseConfig, { kind: 'mysql' }>;
    proxy = new FlakyProxy(target.host, target.port);
    await proxy.start();
    const config: DatabaseConfig = { ...target, host: '127.0.0.1', port: proxy.port };
    const dataSource = await openDataSource(config, { entities: ENTITIES, limits: LIMITS });
    proxied = { ...database, config, dataSource, drop: () => closeDatabase(dataSource) };
    // `regions` is the probe that reaches the database: the reference tables are not kept here.
    environment = await createTestEnvironment(proxied, {
      database: { ...LIMITS, readCacheMs: 0 },
    });
  });
  afterAll(async () => {
    await environment?.close();
    await proxied?.drop();
    await proxy?.close();
    await database?.drop();
  }, 60000);

  async function timedRegions() {
    const started = Date.now();
    const response = await environment.query<{ regions: { code: string }[] }>(REGIONS);
    return { response, ms: Date.now() - started };
  }

  function expectUnavailable(response: Awaited<ReturnType<typeof timedRegions>>['response']) {
    expect(response.errors?.map((error) => error.extensions?.code)).toContain(
      'SERVICE_UNAVAILABLE',
    );
    expect(response.errors?.[0].message).toMatch(/database is unavailable/);
  }

  it('answers normally through the proxy', async () => {
    const { response } = await timedRegions();
    expect(response.data?.regions).toEqual([{ code: '84' }]);
  });

  it('answers SERVICE_UNAVAILABLE at once when the database is cut, and recovers with no restart', async () => {
    proxy.cut();
    const during = await timedRegions();
    expectUnavailable(during.response);
    expect(during.ms).toBeLessThan(PROMPT_MS);
    proxy.restore();
    const after = await timedRegions();
    expect(after.response.errors).toBeUndefined();
    expect(after.response.data?.regions).toEqual([{ code: '84' }]);
  });

  it('answers SERVICE_UNAVAILABLE within the budget when the database stalls, not after the stall, and recovers', async () => {
    // Warm connection first, so both the stalled pooled connection and a new one are tried.
    await timedRegions();
    proxy.stall();
    const stallStarted = Date.now();
    const during = await Promise.all([timedRegions(), timedRegions(), timedRegions()]);
    for (const { response, ms } of during) {
      expectUnavailable(response);
      expect(ms).toBeLessThan(PROMPT_MS);
    }
    // The connections the reads gave up on are not lent again: the next statement would wait
    // behind a lost one (each was destroyed, mysql-pool.ts).
    const pool = mysqlPoolOf(proxied.dataSource)!;
    expect(pool._allConnections.toArray().filter((connection) => connection._command)).toEqual([]);
    // The stall lasts longer than the answers took: they did not wait for its end.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, PROMPT_MS + 2000 - (Date.now() - stallStarted))),
    );
    proxy.restore();
    const after = await timedRegions();
    expect(after.response.errors).toBeUndefined();
    expect(after.response.data?.regions).toEqual([{ code: '84' }]);
  }, 30000);
  it('closes its pool at once while the database stalls: a stop never waits on the network', async () => {
    await timedRegions();
    proxy.stall();
    // A read in flight on a pooled connection, and the pool closed under it.
    const reading = timedRegions();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const started = Date.now();
    try {
      await proxied.drop();
      expect(Date.now() - started).toBeLessThan(PROMPT_MS);
      // Said in the log: the goodbyes went unanswered and the connections were cut.
      expect(warnings.mock.calls.flat().join('\n')).toMatch(
        /closing the pool: the database did not take its goodbyes/,
      );
    } finally {
      warnings.mockRestore();
    }
    const read = await reading;
    expectUnavailable(read.response);
    expect(read.ms).toBeLessThan(PROMPT_MS);
    proxy.restore();
  });
});
