import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { Kind, parse } from 'graphql';
import { type Browser, chromium, type Page } from 'playwright-core';

import { loadPlaygroundExamples } from '../server/src/http/playground/playground.examples';
import { PLAYGROUND_ASSETS_DIR } from '../server/src/http/playground/playground.routes';
import type { PlaygroundSettings } from '../server/src/http/playground/playground.settings';
import { connectLive } from './helpers/live-client';
import { openSeededDatabase, type TestDatabase, testDatabaseKinds } from './helpers/test-databases';
import {
  type ConfigOverrides,
  createTestEnvironment,
  type TestEnvironment,
  type TestEnvironmentOptions,
} from './helpers/test-environment';
import { ANALYST, bearerFor } from './helpers/tokens';

/** What a browser sends when the address bar opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CHROMIUM_PATH = '/usr/bin/chromium';
const SCREENSHOT_PATH = join(__dirname, 'artifacts', 'playground.png');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const SETTINGS_BLOCK = /<script type="application\/json" id="playground-settings">(.*?)<\/script>/s;

const examples = loadPlaygroundExamples();

function operationNames(document: string): (string | undefined)[] {
  return parse(document)
    .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value);
}

beforeAll(() => {
  // `npm test` builds first; a lone `npx jest` after a fresh clone builds the bundle here.
  if (existsSync(join(PLAYGROUND_ASSETS_DIR, 'graphiql.js'))) return;
  const build = spawnSync(process.execPath, ['server/scripts/build-playground.mjs'], {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('scripts/build-playground.mjs failed');
});

/** Opens a server of the given playground mode over the seeded database. */
function withServer(
  overrides: ConfigOverrides,
  kind: TestDatabase['kind'] = 'sqlite',
  options: TestEnvironmentOptions = {},
): { env: () => TestEnvironment; database: () => TestDatabase } {
  let database: TestDatabase;
  let env: TestEnvironment;
  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    env = await createTestEnvironment(database, overrides, options);
  });
  afterAll(async () => {
    await env?.close();
    await database?.drop();
  });
  return { env: () => env, database: () => database };
}

function browserGet(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
}

describe('the example queries', () => {
  it('are .graphql files, each opening with a comment that says what it answers', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect({ file: example.fileName, description: example.description }).toEqual({
        file: expect.stringMatching(/^[a-z0-9-]+\.graphql$/),
        description: expect.stringMatching(/\S{3,}/),
      });
      // One named operation: the name titles the tab and shows in the server's logs.
      expect(operationNames(example.query)).toEqual([expect.stringMatching(/^[A-Z]\w+$/)]);
    }
  });

  describe.each(testDatabaseKinds())('on the seeded %s database', (kind) => {
    // The examples show confidential fields too: analysts run them with their token.
    const server = withServer({}, kind, { as: ANALYST });

    it.each(
      examples
        .filter((example) => !isSubscription(example.query))
        .map((example) => [example.fileName, example.query]),
    )('%s answers with data and no errors', async (_fileName, query) => {
      const response = await server.env().query(query);
      expect({ status: response.status, errors: response.errors }).toEqual({
        status: 200,
        errors: undefined,
      });
      // Every root field answered, and lists are not empty: the example shows something.
      for (const [field, value] of Object.entries(response.data ?? {})) {
        expect({
          field,
          isEmpty: value === null || (Array.isArray(value) && value.length === 0),
        }).toEqual({ field, isEmpty: false });
      }
      expect(Object.keys(response.data ?? {}).length).toBeGreaterThan(0);
    });

    // A subscription sends nothing until a write commits (this database is never written):
    // the server accepting it over graphql-ws, as GraphiQL's fetcher sends it, is the check.
    it.each(
      examples
        .filter((example) => isSubscription(example.query))
        .map((example) => [example.fileName, example.query]),
    )('%s is accepted over WebSocket', async (_fileName, query) => {
      const live = connectLive(
        server.env().url,
        await bearerFor(server.database().dataSource, ANALYST),
        () => server.env().app.liveEvents.listenersAdded(),
      );
      try {
        const subscription = await live.subscribe(query);
        expect(await subscription.receivesWithin(200)).toBe(false);
        subscription.stop();
      } finally {
        await live.dispose();
      }
    });
  });
});

function isSubscription(query: string): boolean {
  return parse(query).definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription',
  );
}

describe('PLAYGROUND=graphiql (the default)', () => {
  const server = withServer({ http: { playground: 'graphiql' } });

  it.each(['/graphql', '/playground'])(
    'serves GraphiQL at %s to a browser, forbidding every other host',
    async (path) => {
      const response = await browserGet(new URL(path, server.env().url).href);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);
      expect(html).toContain('<script src="/playground/assets/graphiql.js"></script>');
      expect(html).toContain('<div id="playground-session"></div>');
      const settings = JSON.parse(SETTINGS_BLOCK.exec(html)?.[1] ?? 'null') as PlaygroundSettings;
      expect(settings).toEqual({
        endpoint: '/graphql',
        storageNamespace: expect.stringMatching(/^polegraph-playground-[0-9a-f]{12}$/),
        // One tab on a first visit; every example is in the catalogue, with its audience.
        tabs: [{ query: examples[0]?.query }],
        examples: examples.map(({ title, description, audience, query }) => ({
          title,
          description,
          audience,
          query,
        })),
      });
      expect(new Set(settings.examples.map((example) => example.audience))).toEqual(
        new Set(['Everyone', 'Analysts', 'Regional tools', 'Selection']),
      );
      // No absolute URL at all: every asset comes from this server.
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    },
  );

  it('serves the bundled JavaScript and CSS from its own routes', async () => {
    const { url } = server.env();
    const script = await fetch(new URL('/playground/assets/graphiql.js', url));
    const styles = await fetch(new URL('/playground/assets/graphiql.css', url));
    const missing = await fetch(new URL('/playground/assets/nothing.js', url));
    expect([script.status, script.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect([styles.status, styles.headers.get('content-type')]).toEqual([
      200,
      'text/css; charset=utf-8',
    ]);
    expect(missing.status).toBe(404);
  });

  it('leaves GraphQL requests, POST and GET, to Apollo', async () => {
    const env = server.env();
    const posted = await env.query('query RegionCodes { regions { code } }');
    const viaGet = await fetch(`${env.url}?query=${encodeURIComponent('{ regions { code } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(posted.errors).toBeUndefined();
    expect(viaGet.status).toBe(200);
    // Every answer also reports its cost (`extensions.cost`, see graphql/limits).
    expect(await viaGet.json()).toEqual({
      data: posted.data,
      extensions: { cost: expect.any(Object) },
    });
  });
});

describe('PLAYGROUND=off', () => {
  const server = withServer({ http: { playground: 'off' } });

  it('answers 404 at /playground and no page at /graphql', async () => {
    const { url } = server.env();
    const playground = await browserGet(new URL('/playground', url).href);
    const graphql = await browserGet(url);
    const bundle = await fetch(new URL('/playground/assets/graphiql.js', url));
    expect(playground.status).toBe(404);
    expect(graphql.status).toBe(400);
    expect(graphql.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(bundle.status).toBe(404);
  });

  it('still answers GraphQL', async () => {
    const response = await server.env().query('query RegionCodes { regions { code } }');
    expect(response.errors).toBeUndefined();
  });
});

describe('PLAYGROUND=apollo-sandbox', () => {
  const server = withServer({ http: { playground: 'apollo-sandbox' } });

  it("serves Apollo's embedded Sandbox at /graphql and points /playground there", async () => {
    const { url } = server.env();
    const graphql = await browserGet(url);
    const playground = await browserGet(new URL('/playground', url).href);
    const html = await graphql.text();
    expect(graphql.status).toBe(200);
    expect(graphql.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('embeddable-sandbox');
    expect(html).not.toContain('/playground/assets/graphiql.js');
    expect([playground.status, playground.headers.get('location')]).toEqual([302, '/graphql']);
  });
});

/**
 * Chromium comes from Debian (`.ci/run` installs it); without it, the browser suite is skipped
 * on a developer's machine with a message, and fails under CI.
 */
const chromiumMissing = !existsSync(CHROMIUM_PATH);
if (chromiumMissing && !process.env.CI) {
  console.warn(
    `[playground.test] ${CHROMIUM_PATH} is missing: the browser test is SKIPPED. ` +
      'Install it with `apt-get install chromium` (as .ci/run does) to run it.',
  );
}
const describeInBrowser = chromiumMissing && !process.env.CI ? describe.skip : describe;

describeInBrowser('GraphiQL in a real browser', () => {
  const server = withServer({ http: { playground: 'graphiql' } });
  let browser: Browser;
  let page: Page;
  const requestedUrls: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (chromiumMissing) {
      throw new Error(`${CHROMIUM_PATH} is missing under CI: .ci/run must install chromium`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.on('request', (request) => requestedUrls.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => {
      // CSP violations and failed loads arrive as console errors.
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs an example, documents the schema, completes fields, and asks no other host', async () => {
    const env = server.env();
    const regionsDescription = env.app.schema.getQueryType()?.getFields().regions?.description;
    const firstOperationName = operationNames(examples[0]?.query ?? '')[0];

    await page.goto(env.url);
    const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
    await queryEditor.waitFor();
    // One tab on a first visit (GraphiQL shows no tab bar for a single tab): the catalogue
    // holds the examples instead of an overflowing tab bar.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(0);
    await expect(queryEditor.innerText()).resolves.toContain(`query ${firstOperationName}`);
    // No token yet: the indicator says so, from the viewer query.
    const indicator = page.locator('.playground-viewer');
    await indicator.filter({ hasText: 'Anonymous: public data only' }).waitFor();

    await page.locator('.graphiql-execute-button').click();
    await page
      .locator('.graphiql-response .CodeMirror')
      .filter({ hasText: 'ANONYMOUS' })
      .waitFor({ timeout: 15000 });
    // The cost the server charged, from the response's extensions.
    await page.locator('.playground-cost').filter({ hasText: 'Last run:' }).waitFor();

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query' }).first().click();
    await docs
      .getByText(regionsDescription ?? 'regions description missing')
      .first()
      .waitFor();

    // A dialog adds a <style> element: the CSP must let it through (pageErrors below).
    await page.getByRole('button', { name: 'Open short keys dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    mkdirSync(join(SCREENSHOT_PATH, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH });

    // Autocompletion, in a tab of its own.
    await page.getByRole('button', { name: 'Add tab' }).click();
    await queryEditor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ regi');
    await page.locator('.CodeMirror-hints .CodeMirror-hint', { hasText: 'regions' }).waitFor();

    const foreign = requestedUrls.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return !LOCAL_HOSTS.has(hostname);
    });
    expect(foreign).toEqual([]);
    expect(requestedUrls).toContain(new URL('/playground/assets/graphiql.js', env.url).href);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('keeps one token for every tab, opens examples from the catalogue, costs, copies and explores', async () => {
    const env = server.env();
    const { authorization } = await bearerFor(server.database().dataSource, {
      ...ANALYST,
      name: 'Playground analyst',
    });
    await page.goto(env.url);
    const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
    await queryEditor.waitFor();

    // The token, pasted once for the page.
    await page.locator('.playground-token-form input[name="token"]').fill(authorization.slice(7));
    await page.getByRole('button', { name: 'Use for every tab' }).click();
    await page
      .locator('.playground-viewer')
      .filter({ hasText: 'Signed in as MINISTRY_ANALYST, ministry ECO' })
      .waitFor();

    // The catalogue, grouped by audience, opens an example in a new tab.
    const catalogue = page.locator('.playground-examples');
    for (const audience of ['Everyone', 'Analysts', 'Regional tools', 'Selection'])
      await catalogue.getByRole('heading', { name: audience }).waitFor();
    const european = examples.find((example) => example.fileName.startsWith('03-'));
    if (!european) throw new Error('the European projects example is missing');
    await catalogue.getByText(european.description).waitFor();
    // The first test's tabs are still in this browser's storage: one more is opened.
    const tabsBefore = await page.locator('.graphiql-tab').count();
    await catalogue.getByRole('button', { name: european.title }).click();
    await queryEditor.filter({ hasText: `query ${european.title}` }).waitFor();
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(Math.max(tabsBefore, 1) + 1);

    // Its cost before running it (a dry run), then the run, with the page's token in this tab:
    // the confidential amounts come back, no FORBIDDEN.
    await page.getByRole('button', { name: 'Estimate the cost (dry run)' }).click();
    await page
      .locator('.playground-cost')
      .filter({ hasText: /Estimated cost: \d+ points/ })
      .waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .CodeMirror');
    await response.filter({ hasText: 'publicFundingGranted' }).waitFor({ timeout: 15000 });
    await expect(response.innerText()).resolves.not.toContain('FORBIDDEN');

    // Copy as curl, and as SDK code.
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    const snippet = page.locator('.playground-snippet pre');
    await snippet.filter({ hasText: '--data-raw' }).waitFor();
    const curl = await snippet.innerText();
    expect(curl).toContain(`curl '${new URL('/graphql', env.url).href}'`);
    expect(curl).toContain('authorization: Bearer $POLEGRAPH_TOKEN');
    expect(curl).toContain(european.title);
    expect(curl).not.toContain(authorization.slice(7));
    await page.getByRole('button', { name: 'Copy as SDK code' }).click();
    await snippet.filter({ hasText: 'createClient' }).waitFor();
    await expect(snippet.innerText()).resolves.toContain(`const ${european.title} = graphql(`);

    // The explorer plugin, bundled.
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.locator('.graphiql-explorer-root, .docExplorerWrap').first().waitFor();

    const foreign = requestedUrls.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return !LOCAL_HOSTS.has(hostname);
    });
    expect(foreign).toEqual([]);
    // graphiql-explorer logs (console.error) when it meets a list argument it cannot show as
    // checkboxes (`in: [...]` of this example); it still works. Every other message counts.
    expect(
      pageErrors.filter((message) => !message.startsWith('arg mismatch between arg and selection')),
    ).toEqual([]);
  }, 90_000);
});
