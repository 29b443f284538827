import { ApiToken } from '../../server/src/api-token/api-token.entity';
import { revokeToken } from '../../server/src/api-token/api-token.service';
import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/database/transactions';
import { countStatements } from '../helpers/statement-counter';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { bearerFor } from '../helpers/tokens';

const TOKEN_CACHE_MS = 500;
const REGIONS = 'query Regions { regions { code } }';

describe.each(testDatabaseKinds())('token lookups kept TOKEN_CACHE_MS on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'tokencache');
    environment = await createTestEnvironment(database, { http: { tokenCacheMs: TOKEN_CACHE_MS } });
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  const tokenLookups = (statements: string[]) =>
    statements.filter((sql) => sql.includes('api_token'));

  it('reads a token once, then trusts it until the TTL ends; a revocation holds after it', async () => {
    const headers = await bearerFor(database.dataSource, { role: Role.ADMIN, name: 'cached' });
    const first = await countStatements(database.dataSource, () =>
      environment.query(REGIONS, {}, headers),
    );
    expect(first.result.status).toBe(200);
    expect(tokenLookups(first.statements)).toHaveLength(1);
    const second = await countStatements(database.dataSource, () =>
      environment.query(REGIONS, {}, headers),
    );
    expect(second.result.status).toBe(200);
    expect(tokenLookups(second.statements)).toHaveLength(0);

    const [token] = await database.dataSource.getRepository(ApiToken).findBy({ name: 'cached' });
    await inTransaction(database.dataSource, (manager) => revokeToken(manager, token.id));
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS + 100));
    const revoked = await environment.query(REGIONS, {}, headers);
    expect([revoked.status, revoked.errors?.[0].message]).toEqual([
      401,
      'This API token was revoked',
    ]);
  });
});
