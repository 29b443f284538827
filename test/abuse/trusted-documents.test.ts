import 'reflect-metadata';

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createApp } from '../../server/src/app';
import { DEFAULTS } from '../../server/src/config/config';
import {
  sha256,
  TrustedDocuments,
} from '../../server/src/graphql/trusted-documents/trusted-documents';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  type ConfigOverrides,
  createTestEnvironment,
  testConfig,
  type TestEnvironment,
} from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

const LISTED = 'query TrustedRegions { regions { code } }';
const UNLISTED = 'query UnlistedRegions { regions { code name } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Sends a request body as the SDK does: by text, by hash alone, or both (APQ registration). */
async function send(
  api: TestEnvironment,
  { text, hash, headers = {} }: { text?: string; hash?: string; headers?: Record<string, string> },
): Promise<Answer> {
  const body: Record<string, unknown> = {};
  if (text !== undefined) body.query = text;
  if (hash !== undefined) body.extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

const NOT_IN_LIST = {
  code: 'PERSISTED_QUERY_NOT_IN_LIST',
  // Every error names its request.
  requestId: expect.any(String),
};

describe.each(testDatabaseKinds())('trusted documents on %s', (kind) => {
  let database: TestDatabase;
  let directory: string;
  let manifest: string;
  let admin: { authorization: string };

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'trusted');
    directory = mkdtempSync(join(tmpdir(), 'polegraph-manifest-'));
    manifest = join(directory, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [sha256(LISTED)]: LISTED }));
    admin = await bearerFor(database.dataSource, ADMIN);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  describe('TRUSTED_DOCUMENTS=all', () => {
    let api: TestEnvironment;
    beforeAll(async () => {
      api = await createTestEnvironment(database, {
        limits: { trustedDocuments: 'all', trustedDocumentsManifest: manifest },
      });
    });
    afterAll(() => api?.close());

    it('runs a listed document sent by its hash alone, by its text, or by both', async () => {
      for (const request of [
        { hash: sha256(LISTED) },
        { text: LISTED },
        { text: LISTED, hash: sha256(LISTED) },
      ]) {
        const answer = await send(api, request);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ data: { regions: [] } });
        expect(answer.body.errors).toBeUndefined();
      }
    });

    it('refuses any other document, by text or by hash, even from a token, before parsing it', async () => {
      for (const request of [
        { text: UNLISTED },
        { hash: sha256(UNLISTED) },
        { text: UNLISTED, hash: sha256(UNLISTED) },
        { text: UNLISTED, headers: admin },
        // Not even parseable: refused as unlisted, never parsed.
        { text: 'query {{{ nonsense' },
      ]) {
        const answer = await send(api, request);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({
          errors: [
            {
              message:
                'This server only runs the operations of the PoleGraph SDK (its persisted-documents manifest); ' +
                'this document is not one of them.',
              extensions: NOT_IN_LIST,
            },
          ],
          // Refused documents take the minimum, 1 point, and say so like any response.
          extensions: { cost: expect.objectContaining({ requestedQueryCost: 1 }) },
        });
        expect(answer.headers.get('x-ratelimit-limit')).not.toBeNull();
      }
    });
  });

  describe('TRUSTED_DOCUMENTS=anonymous', () => {
    let api: TestEnvironment;
    beforeAll(async () => {
      api = await createTestEnvironment(database, {
        limits: { trustedDocuments: 'anonymous', trustedDocumentsManifest: manifest },
      });
    });
    afterAll(() => api?.close());

    it('holds anonymous callers to the manifest', async () => {
      expect((await send(api, { hash: sha256(LISTED) })).status).toBe(200);
      const refused = await send(api, { text: UNLISTED });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]).toEqual({
        message:
          'Without an API token, this server only runs the operations of the PoleGraph SDK ' +
          '(its persisted-documents manifest); this document is not one of them.',
        extensions: NOT_IN_LIST,
      });
    });

    it('lets token holders run any document, and listed ones by hash', async () => {
      const unlisted = await send(api, { text: UNLISTED, headers: admin });
      expect(unlisted.status).toBe(200);
      expect(unlisted.body).toEqual({ data: { regions: [] }, extensions: expect.any(Object) });
      expect((await send(api, { hash: sha256(LISTED), headers: admin })).status).toBe(200);
    });
  });

  describe('TRUSTED_DOCUMENTS=off (the default)', () => {
    let api: TestEnvironment;
    beforeAll(async () => {
      api = await createTestEnvironment(database);
    });
    afterAll(() => api?.close());

    it('keeps Apollo’s automatic persisted queries', async () => {
      const unknown = await send(api, { hash: sha256(UNLISTED) });
      expect(unknown.body.errors?.[0]).toMatchObject({
        message: 'PersistedQueryNotFound',
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      });
      expect((await send(api, { text: UNLISTED, hash: sha256(UNLISTED) })).status).toBe(200);
      const byHash = await send(api, { hash: sha256(UNLISTED) });
      expect(byHash.status).toBe(200);
      expect(byHash.body).toMatchObject({ data: { regions: [] } });
    });
  });

  describe('the manifest', () => {
    async function start(overrides: ConfigOverrides): Promise<void> {
      const app = await createApp(testConfig(database, overrides), {
        dataSource: database.dataSource,
      });
      await app.close();
    }

    it('stops the start when it is missing', async () => {
      await expect(
        start({
          limits: {
            trustedDocuments: 'all',
            trustedDocumentsManifest: join(directory, 'missing.json'),
          },
        }),
      ).rejects.toThrow(
        /^TRUSTED_DOCUMENTS=all needs the persisted-documents manifest at .*missing\.json \(TRUSTED_DOCUMENTS_MANIFEST\): ENOENT/,
      );
    });

    it('stops the start when a hash does not match its document', async () => {
      const forged = join(directory, 'forged.json');
      writeFileSync(forged, JSON.stringify({ [sha256(LISTED)]: UNLISTED }));
      await expect(
        start({ limits: { trustedDocuments: 'anonymous', trustedDocumentsManifest: forged } }),
      ).rejects.toThrow(
        `${forged}: the entry ${sha256(LISTED)} is not the sha256 of its document text: regenerate the manifest`,
      );
    });
  });
});

describe('the SDK’s persisted-documents manifest', () => {
  const path = DEFAULTS.limits.trustedDocumentsManifest;

  // The SDK's generated manifest is committed: a missing file is a failure, not a reason to skip.
  it('is where TRUSTED_DOCUMENTS_MANIFEST points by default, and every hash matches', () => {
    expect(existsSync(path)).toBe(true);
    const documents = TrustedDocuments.load('all', path);
    const entries = Object.keys(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>);
    expect(documents.size).toBe(entries.length);
    expect(documents.size).toBeGreaterThan(0);
  });
});
