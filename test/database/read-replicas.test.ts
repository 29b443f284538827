import { DEFAULT_DATABASE_LIMITS } from '../../server/src/config/config';
import { openDataSource } from '../../server/src/database/data-source';
import { closeDatabase, readRows, runInDatabaseSession } from '../../server/src/database/database';
import { inTransaction } from '../../server/src/database/transactions';
import { ENTITIES } from '../../server/src/features';
import { Region } from '../../server/src/region/region.entity';
import { countStatements } from '../helpers/statement-counter';
import { createEmptyDatabase, type TestDatabase } from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

/**
 * Routing of reads and writes with DATABASE_REPLICA_URLS. The "replica" is a second schema on
 * the same server that no replication feeds, holding a region the primary does not have: which
 * rows come back shows which database answered. What this proves is the port's routing (reads to
 * the replica, writes to the primary, a request's reads to the primary once it has written), not
 * how a real replica's lag behaves.
 */
const describeOnMysql = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnMysql('read replicas (MySQL/MariaDB)', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let routed: TestDatabase;
  let environment: TestEnvironment;
  let kept: TestEnvironment;

  const addRegion = (database: TestDatabase, code: string) =>
    inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code, name: `Region ${code}` })),
    );
  const regionCodes = async () =>
    (
      await readRows<{ code: string }>(
        routed.dataSource,
        'SELECT `code` FROM `region` ORDER BY `code`',
      )
    ).map((row) => row.code);

  beforeAll(async () => {
    primary = await createEmptyDatabase('mysql', 'primary');
    replica = await createEmptyDatabase('mysql', 'replica');
    await addRegion(primary, 'PRI');
    await addRegion(replica, 'REP');
    const dataSource = await openDataSource(primary.config, {
      entities: ENTITIES,
      limits: { ...DEFAULT_DATABASE_LIMITS, replicas: [replica.config] },
    });
    routed = { ...primary, dataSource, drop: () => closeDatabase(dataSource) };
    // Reference tables read on every request, as any other read: the API's `regions` probes
    // the routing.
    environment = await createTestEnvironment(routed, { database: { readCacheMs: 0 } });
    kept = await createTestEnvironment(routed, { database: { readCacheMs: 60_000 } });
  });
  afterAll(async () => {
    await kept?.close();
    await environment?.close();
    await routed?.drop();
    await replica?.drop();
    await primary?.drop();
  });

  it('sends reads to the replica, counted in the statement log like any other', async () => {
    // The replica's pool opens on the first read (TypeORM asks the server's version then).
    await regionCodes();
    const { result, statements } = await countStatements(routed.dataSource, regionCodes);
    expect(result).toEqual(['REP']);
    expect(statements).toHaveLength(1);
  });

  it('answers API reads from the replica', async () => {
    const response = await environment.query<{ regions: { code: string }[] }>(
      '{ regions { code } }',
    );
    expect(response.data?.regions).toEqual([{ code: 'REP' }]);
  });

  it('reads the reference tables it keeps for every request from the primary, never a lagging replica', async () => {
    const response = await kept.query<{ regions: { code: string }[] }>('{ regions { code } }');
    expect(response.data?.regions).toEqual([{ code: 'PRI' }]);
  });

  it('writes to the primary, and a request that wrote reads the primary afterwards', async () => {
    await runInDatabaseSession(async () => {
      expect(await regionCodes()).toEqual(['REP']);
      await addRegion(routed, 'NEW');
      // Read-your-writes: this request now reads the primary, which has its write.
      expect(await regionCodes()).toEqual(['NEW', 'PRI']);
    });
    // The write went to the primary only.
    const onPrimary = (await primary.dataSource.query(
      'SELECT `code` FROM `region` ORDER BY `code`',
    )) as { code: string }[];
    expect(onPrimary.map((row) => row.code)).toEqual(['NEW', 'PRI']);
    // Another request that has not written reads the replica again.
    await runInDatabaseSession(async () => {
      expect(await regionCodes()).toEqual(['REP']);
    });
  });
});
