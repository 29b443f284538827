import { get as httpGet, type IncomingHttpHeaders } from 'node:http';

import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/database/transactions';
import { Region } from '../../server/src/region/region.entity';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { bearerFor } from '../helpers/tokens';

const REGIONS = 'query Regions { regions { code name } }';
/** Big enough to be compressed (over 1 kB). */
const TYPES = 'query Types { __schema { types { name } } }';

/**
 * A plain GET: fetch() turns a request with If-None-Match into an end-to-end reload (it adds
 * `Cache-Control: no-cache`, as the Fetch standard says), which no server answers with 304.
 */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    }).on('error', reject);
  });
}

describe.each(testDatabaseKinds())('HTTP caching and compression on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'caching');
    // The suite changes regions behind the server's back (no API writes them) and asks for
    // the new data at once: the reference tables are read on every request here.
    environment = await createTestEnvironment(database, { database: { readCacheMs: 0 } });
    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code: '84', name: 'Auvergne-Rhône-Alpes' })),
    );
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(environment.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('gives an anonymous answer a public Cache-Control, and over GET an ETag of its data alone', async () => {
    const first = await post(REGIONS);
    const second = await post(REGIONS);
    const [firstBody, secondBody] = (await Promise.all([first.json(), second.json()])) as {
      data: unknown;
      extensions: { cost: { currentlyAvailable: number } };
    }[];
    expect(firstBody.data).toEqual({
      regions: [{ code: '84', name: 'Auvergne-Rhône-Alpes' }],
    });
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    // The live budget is still reported, in the body and the headers…
    expect(typeof secondBody.extensions.cost.currentlyAvailable).toBe('number');
    expect(second.headers.get('x-ratelimit-remaining')).not.toBeNull();
    // A POST's answer is stored by no cache and revalidated by no one: no validator.
    expect(first.headers.get('etag')).toBeNull();

    // …but outside what the ETag of a GET covers: the same data, the same ETag.
    const url = `${environment.url}?query=${encodeURIComponent(REGIONS)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const firstGet = await get(url, headers);
    const secondGet = await get(url, headers);
    expect(firstGet.headers.etag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(secondGet.headers.etag).toBe(firstGet.headers.etag);
    expect(firstGet.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code: '93', name: "Provence-Alpes-Côte d'Azur" })),
    );
    const changed = await get(url, headers);
    expect(changed.headers.etag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(changed.headers.etag).not.toBe(firstGet.headers.etag);
  });

  it('answers a GET whose If-None-Match holds the current ETag with 304 and no body', async () => {
    const url = `${environment.url}?query=${encodeURIComponent(REGIONS)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const fresh = await get(url, headers);
    expect(fresh.status).toBe(200);
    const etag = fresh.headers.etag as string;
    const revalidated = await get(url, { ...headers, 'if-none-match': etag });
    expect([revalidated.status, revalidated.body]).toEqual([304, '']);
  });

  it('keeps answers for a token, writes and errors out of every cache', async () => {
    const token = await bearerFor(database.dataSource, { role: Role.ADMIN });
    const withToken = await post(REGIONS, token);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    const failed = await post('query Broken { regions { nope } }');
    expect(failed.headers.get('cache-control')).toBe('private, no-store');
    // Over GET too, where an anonymous answer would carry an ETag.
    const asGet = (query: string) => `${environment.url}?query=${encodeURIComponent(query)}`;
    const preflight = { 'apollo-require-preflight': 'true' };
    const getWithToken = await get(asGet(REGIONS), { ...preflight, ...token });
    expect(getWithToken.status).toBe(200);
    expect(getWithToken.headers['cache-control']).toBe('private, no-store');
    expect(getWithToken.headers.etag).toBeUndefined();
    const failedGet = await get(asGet('query Broken { regions { nope } }'), preflight);
    expect(failedGet.headers['cache-control']).toBe('private, no-store');
    expect(failedGet.headers.etag).toBeUndefined();
  });

  it('compresses large answers with brotli or gzip, as the client accepts', async () => {
    const plain = await post(TYPES, { 'accept-encoding': 'identity' });
    const plainText = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.byteLength(plainText)).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const compressed = await post(TYPES, { 'accept-encoding': encoding });
      expect(compressed.headers.get('content-encoding')).toBe(encoding);
      // fetch decodes it: the same answer.
      expect(JSON.parse(await compressed.text()).data).toEqual(JSON.parse(plainText).data);
    }
  });

  it('prefers brotli when the client accepts both alike, and follows its weights otherwise', async () => {
    const alike = await post(TYPES, { 'accept-encoding': 'gzip, deflate, br' });
    expect(alike.headers.get('content-encoding')).toBe('br');
    const weighted = await post(TYPES, { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(weighted.headers.get('content-encoding')).toBe('gzip');
    expect(weighted.headers.get('vary')).toMatch(/Accept-Encoding/);
  });

  it('sends answers under 1 kB as they are, still marked as varying with the encoding', async () => {
    const small = await post(REGIONS, { 'accept-encoding': 'gzip, br' });
    const text = await small.text();
    expect(Buffer.byteLength(text)).toBeLessThan(1024);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toBe('Authorization, Accept-Encoding');
    expect(JSON.parse(text).data.regions).toContainEqual({
      code: '84',
      name: 'Auvergne-Rhône-Alpes',
    });
  });
});
