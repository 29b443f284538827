import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';

import { Role } from '../../server/src/auth/roles';
import {
  DASHBOARD_PAGES,
  DASHBOARDS_ASSETS_DIR,
} from '../../server/src/http/dashboards/dashboards.routes';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  type ConfigOverrides,
  createTestEnvironment,
  type TestEnvironment,
} from '../helpers/test-environment';
import { ANALYST, bearerFor } from '../helpers/tokens';

const CHROMIUM_PATH = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'dashboards');
const OPERATIONS_DIR = join(__dirname, '..', '..', 'client-sdk', 'src', 'operations', 'dashboards');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Run in the page: the next rendering sets `body[data-rendered]` again. */
const FORGET_RENDERING = 'delete document.body.dataset.rendered';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Every page, with filters that give each of its charts data. */
const PAGE_URLS: Record<(typeof DASHBOARD_PAGES)[number], string> = {
  selection: '/dashboards/selection?phase=5',
  regions: '/dashboards/regions?region=84',
  tendances: '/dashboards/tendances',
  pole: '/dashboards/pole?pole=aerospace-valley',
  membres: '/dashboards/membres?pole=aerospace-valley',
};

beforeAll(() => {
  // `npm test` builds first; a lone `npx jest` after a fresh clone builds the bundle here.
  if (existsSync(join(DASHBOARDS_ASSETS_DIR, 'dashboards.js'))) return;
  const build = spawnSync(process.execPath, ['server/scripts/build-dashboards.mjs'], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('scripts/build-dashboards.mjs failed');
});

function withServer(overrides: ConfigOverrides, kind: TestDatabase['kind'] = 'sqlite') {
  let database: TestDatabase;
  let env: TestEnvironment;
  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    env = await createTestEnvironment(database, overrides);
  });
  afterAll(async () => {
    await env?.close();
    await database?.drop();
  });
  return { env: () => env, database: () => database, origin: () => new URL(env.url).origin };
}

function browserGet(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
}

describe('DASHBOARDS', () => {
  describe('on, with PLAYGROUND=off', () => {
    const server = withServer({ http: { playground: 'off', dashboards: true } });

    it('serves every page under the playground’s CSP, and the query links become inline text', async () => {
      for (const name of ['', ...DASHBOARD_PAGES]) {
        const response = await browserGet(`${server.origin()}/dashboards${name ? `/${name}` : ''}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        const html = await response.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain('"playgroundUrl":null');
      }
      const bundle = await fetch(`${server.origin()}/dashboards/assets/dashboards.js`);
      expect(bundle.status).toBe(200);
      expect((await fetch(`${server.origin()}/dashboards/assets/nothing.js`)).status).toBe(404);
    });
  });

  describe('off', () => {
    const server = withServer({ http: { dashboards: false } });

    it('serves no dashboard, while the playground stays', async () => {
      expect((await browserGet(`${server.origin()}/dashboards`)).status).toBe(404);
      expect((await fetch(`${server.origin()}/dashboards/assets/dashboards.js`)).status).toBe(404);
      expect((await browserGet(`${server.origin()}/playground`)).status).toBe(200);
    });
  });
});

describe('the dashboards’ operations', () => {
  // The default ceilings: an anonymous caller may spend 1,000 points on one operation.
  const server = withServer({
    limits: { maxQueryCost: 1000 },
    rateLimit: { points: 1000, restoreRate: 50 },
  });
  const variables = {
    phase: 5,
    slug: 'aerospace-valley',
    code: '84',
    theme: 'HEALTH',
    withTheme: true,
  };

  it.each(readOperationFiles())('%s stays under the anonymous ceiling', async (_file, document) => {
    const response = await fetch(server.env().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, variables, extensions: { dryRun: true } }),
    });
    const body = (await response.json()) as {
      extensions: { cost: { requestedQueryCost: number } };
    };
    console.info(
      `[dashboards] ${_file}: ${body.extensions.cost.requestedQueryCost} points requested`,
    );
    expect(body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(1000);
  });
});

function readOperationFiles(): [string, string][] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => [file, readFileSync(join(OPERATIONS_DIR, file), 'utf8')]);
}

/**
 * Chromium comes from Debian (`.ci/run` installs it); without it, the browser suites are
 * skipped on a developer's machine with a message, and fail under CI.
 */
const chromiumMissing = !existsSync(CHROMIUM_PATH);
if (chromiumMissing && !process.env.CI) {
  console.warn(`[dashboards.test] ${CHROMIUM_PATH} is missing: the browser tests are SKIPPED.`);
}
const describeInBrowser = chromiumMissing && !process.env.CI ? describe.skip : describe;

interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

let browser: Browser;

beforeAll(async () => {
  if (chromiumMissing) {
    if (process.env.CI)
      throw new Error(`${CHROMIUM_PATH} is missing under CI: .ci/run must install chromium`);
    return;
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
});

afterAll(async () => {
  await browser?.close();
});

async function openSession(viewport = { width: 1366, height: 768 }): Promise<Session> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const session: Session = { context, page: await context.newPage(), requests: [], errors: [] };
  context.on('request', (request) => session.requests.push(request.url()));
  watchErrors(session);
  return session;
}

function watchErrors(session: Session): void {
  session.page.on('console', (message) => {
    if (message.type() === 'error') session.errors.push(message.text());
  });
  session.page.on('pageerror', (error) => session.errors.push(error.message));
}

/** Opens a URL of the dashboards and waits for its page to be drawn; the GraphQL requests made. */
async function visit(session: Session, url: string): Promise<string[]> {
  const before = session.requests.length;
  await session.page.evaluate(FORGET_RENDERING).catch(() => undefined);
  await session.page.goto(url);
  return waitForPage(session, before);
}

async function waitForPage(session: Session, before: number): Promise<string[]> {
  await session.page.locator('body[data-rendered]').waitFor({ timeout: 60000 });
  await session.page.locator('main[aria-busy="false"]').waitFor();
  return session.requests.slice(before).filter((url) => url.endsWith('/graphql'));
}

/** Changes a filter and waits for the new rendering. */
async function choose(session: Session, name: string, value: string): Promise<string[]> {
  const before = session.requests.length;
  await session.page.evaluate(FORGET_RENDERING);
  await session.page.locator(`select[name="${name}"]`).selectOption(value);
  return waitForPage(session, before);
}

/** Opens a panel's data table (built when first opened), as a user would. */
async function openDataTable(panel: Locator): Promise<Locator> {
  const details = panel.locator('details.data-table');
  if (!(await details.evaluate((node) => node.hasAttribute('open')))) {
    await details.locator('summary').click();
  }
  const table = details.locator('table');
  await table.waitFor({ state: 'attached' });
  return table;
}

/** A panel's table: header labels and raw cells (what the CSV holds). */
async function tableOf(page: Page, chart: string): Promise<{ header: string[]; rows: string[][] }> {
  const table = await openDataTable(page.locator(`section[data-chart="${chart}"]`));
  return table.evaluate((table) => ({
    header: [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.getAttribute('data-raw') ?? ''),
    ),
  }));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (quoted && char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = !quoted;
      else if (char === ';' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

async function downloadCsv(page: Page, chart: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`section[data-chart="${chart}"] button.csv`).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describeInBrowser('the dashboards with TRUSTED_DOCUMENTS=all', () => {
  const server = withServer({
    limits: {
      trustedDocuments: 'all',
      trustedDocumentsManifest: join(
        __dirname,
        '..',
        '..',
        'client-sdk',
        'src',
        'generated',
        'persisted-documents.json',
      ),
    },
  });
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session?.context.close();
  });

  it.each(DASHBOARD_PAGES.map((name) => [name]))(
    '%s runs only documents of the SDK’s manifest',
    async (name) => {
      // A document outside the manifest is refused, so the pages' success proves theirs are in it.
      const refused = await server.env().query('query NotShipped { regions { code } }');
      expect(refused.status).toBe(400);
      await visit(session, `${server.origin()}${PAGE_URLS[name]}`);
      await expect(session.page.locator('.notice.error').count()).resolves.toBe(0);
      expect(await session.page.locator('section.panel').count()).toBeGreaterThanOrEqual(2);
      expect(session.errors).toEqual([]);
    },
  );
});

describeInBrowser('an anonymous visitor under the production limits', () => {
  // The defaults an anonymous caller meets in production: 1,000 points, 50 given back a second.
  const server = withServer({
    limits: { maxQueryCost: 1000 },
    rateLimit: { points: 1000, restoreRate: 50 },
  });

  it('visits every page twice, quickly, without a 429: each answer is asked once a session', async () => {
    const session = await openSession();
    try {
      const refused: string[] = [];
      const spent: Promise<number>[] = [];
      session.context.on('response', (response) => {
        if (!response.url().endsWith('/graphql')) return;
        if (response.status() === 429) refused.push(response.url());
        spent.push(
          response
            .json()
            .then(
              (body: { extensions?: { cost?: { actualQueryCost?: number | null } } }) =>
                body.extensions?.cost?.actualQueryCost ?? 0,
            )
            .catch(() => 0),
        );
      });
      const requests: Record<string, number[]> = {};
      const started = Date.now();
      for (const pass of [1, 2]) {
        for (const name of DASHBOARD_PAGES) {
          const graphql = await visit(session, `${server.origin()}${PAGE_URLS[name]}`);
          await expect(session.page.locator('.notice.error').count()).resolves.toBe(0);
          (requests[name] ??= []).push(graphql.length);
          if (pass === 2) expect(graphql).toEqual([]);
        }
      }
      const points = (await Promise.all(spent)).reduce((total, cost) => total + cost, 0);
      console.info(
        `[dashboards] anonymous, every page twice in ${Date.now() - started} ms: ` +
          `${JSON.stringify(requests)} GraphQL requests, ${points} points charged`,
      );
      expect(refused).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});

describeInBrowser('a refusal for lack of points (429)', () => {
  // The test's bucket never empties: the only 429 is the one the test sends.
  const server = withServer({});

  it.each([
    [
      'fr',
      '',
      /^L’API limite les requêtes des visiteurs anonymes : nouvel essai automatique dans [12] s\./,
    ],
    [
      'en',
      '?lang=en',
      /^The API limits anonymous visitors’ requests: trying again automatically in [12] s\./,
    ],
  ])(
    'a 429 says how long the page waits (%s), and the page comes once the delay is over',
    async (_lang, query, message) => {
      const session = await openSession();
      try {
        let refusals = 0;
        await session.page.route('**/graphql', async (route) => {
          if (refusals > 0) return route.continue();
          refusals += 1;
          await route.fulfill({
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '2' },
            body: JSON.stringify({
              errors: [
                {
                  message: 'Rate limited',
                  extensions: { code: 'RATE_LIMITED', retryAfter: 2 },
                },
              ],
            }),
          });
        });
        await session.page.goto(`${server.origin()}/dashboards/tendances${query}`);
        const notice = session.page.locator('.notice.wait');
        await notice.waitFor({ state: 'visible' });
        await expect(notice.getAttribute('role')).resolves.toBe('status');
        expect(await notice.textContent()).toMatch(message);
        await waitForPage(session, 0);
        await expect(notice.isHidden()).resolves.toBe(true);
        await expect(session.page.locator('.notice.error').count()).resolves.toBe(0);
        expect(await session.page.locator('section.panel').count()).toBeGreaterThanOrEqual(2);
        expect(refusals).toBe(1);
      } finally {
        await session.context.close();
      }
    },
  );
});

for (const kind of testDatabaseKinds()) {
  describeInBrowser(`the dashboards in Chromium (${kind})`, () => {
    const server = withServer({ http: { playground: 'graphiql' } }, kind);
    let session: Session;

    beforeAll(async () => {
      session = await openSession();
    });
    afterAll(async () => {
      await session?.context.close();
    });
    afterEach(() => {
      expect(session.errors).toEqual([]);
      const hosts = session.requests.map((url) => new URL(url).host.replace(/:\d+$/, ''));
      expect([...new Set(hosts)].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
    });

    it.each(DASHBOARD_PAGES.map((name) => [name]))(
      '%s renders its charts with data, in at most 3 requests, without serious accessibility violations',
      async (name) => {
        // Twice, each in a new tab (nothing kept, every answer asked again): first on this
        // server's first request for the page's operations, then once they have run before.
        const paints: number[] = [];
        let graphqlRequests: string[] = [];
        for (const _visit of ['first', 'again']) {
          await session.page.close();
          session.page = await session.context.newPage();
          watchErrors(session);
          graphqlRequests = await visit(session, `${server.origin()}${PAGE_URLS[name]}`);
          // The page's own clock: from the navigation's start to the page drawn with its data.
          paints.push(
            Number(await session.page.locator('body').getAttribute('data-first-paint-ms')),
          );
        }
        console.info(
          `[dashboards] ${kind} ${name}: ${graphqlRequests.length} requests, first meaningful paint ${paints[0]} ms, then ${paints[1]} ms in a new tab`,
        );
        expect(graphqlRequests.length).toBeGreaterThanOrEqual(1);
        expect(graphqlRequests.length).toBeLessThanOrEqual(3);
        const page = session.page;
        await expect(page.locator('.notice.error').count()).resolves.toBe(0);
        const panels = page.locator('section.panel');
        expect(await panels.count()).toBeGreaterThanOrEqual(2);
        // Every chart: its query link, its CSV button, a data table with rows, a text alternative.
        for (const panel of await panels.all()) {
          const link = new URL(
            (await panel.locator('a.query-link').getAttribute('href')) ?? '',
            server.origin(),
          );
          expect(link.pathname).toBe('/playground');
          expect(link.searchParams.get('query')).toMatch(/^query Dashboard\w+/m);
          await expect(panel.locator('button.csv').count()).resolves.toBe(1);
        }
        const drawings = page.locator('section.panel .chart[role="img"]');
        for (const drawing of await drawings.all()) {
          // The text alternative: the chart's title and what it shows, in words.
          expect(((await drawing.getAttribute('aria-label')) ?? '').length).toBeGreaterThan(40);
          await drawing.locator('svg').first().waitFor();
        }
        await expect(seriousViolations(page)).resolves.toEqual([]);
        for (const panel of await panels.all()) {
          await openDataTable(panel);
          await expect(panel.locator('.data-table table caption').count()).resolves.toBe(1);
        }
        const withRows = await page.locator('section.panel .data-table tbody tr').count();
        expect(withRows).toBeGreaterThan(0);

        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `${kind}-${name}-1366x768.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(ARTIFACTS, `${kind}-${name}-390x844.png`) });
        await page.setViewportSize({ width: 1366, height: 768 });
      },
    );

    it('filters change the URL and the charts', async () => {
      const page = session.page;
      await visit(session, `${server.origin()}/dashboards/selection?phase=5`);
      const everyPole = await tableOf(page, 'selection-phase-5-criteria');
      await choose(session, 'region', '84');
      expect(new URL(page.url()).searchParams.get('region')).toBe('84');
      const inRegion = await tableOf(page, 'selection-phase-5-criteria');
      expect(inRegion.rows.length).toBeGreaterThan(0);
      expect(inRegion.rows.length).toBeLessThan(everyPole.rows.length);
      expect(new Set(inRegion.rows.map((row) => row[1]))).toEqual(
        new Set(['Auvergne-Rhône-Alpes']),
      );

      await visit(session, `${server.origin()}/dashboards/tendances`);
      const allLevels = await tableOf(page, 'trends-projects-by-year');
      await choose(session, 'level', 'EUROPEAN');
      expect(new URL(page.url()).searchParams.get('level')).toBe('EUROPEAN');
      const european = await tableOf(page, 'trends-projects-by-year');
      expect(european.rows.length * 3).toBe(allLevels.rows.length);
      expect(new Set(european.rows.map((row) => row[1]))).toEqual(new Set(['EUROPEAN']));
      // Back restores the previous view from the URL.
      await page.evaluate(FORGET_RENDERING);
      await page.goBack();
      await waitForPage(session, session.requests.length);
      await expect(tableOf(page, 'trends-projects-by-year')).resolves.toEqual(allLevels);

      // A click on a region tile opens its detail (a link: keyboard users get the same).
      await visit(session, `${server.origin()}/dashboards/regions`);
      const before = session.requests.length;
      await page.evaluate(FORGET_RENDERING);
      await page.locator('a.tile', { hasText: 'BRE' }).focus();
      await page.keyboard.press('Enter');
      await waitForPage(session, before);
      expect(new URL(page.url()).searchParams.get('region')).toBe('53');
      await page.locator('section[data-chart="region-53-members"]').waitFor();
    });

    it('“voir la requête” opens the chart’s operation and variables in the playground', async () => {
      const page = session.page;
      await visit(session, `${server.origin()}/dashboards/pole?pole=aerospace-valley`);
      await page
        .locator('section[data-chart="pole-aerospace-valley-projects"] a.query-link')
        .click();
      const editor = page.locator('.graphiql-query-editor .CodeMirror');
      await editor.filter({ hasText: 'query DashboardPoleProfile' }).waitFor();
      await page
        .locator('.graphiql-editor-tool .CodeMirror')
        .filter({ hasText: '"slug": "aerospace-valley"' })
        .first()
        .waitFor();
      // The playground links back.
      await expect(page.locator('a.playground-dashboards').getAttribute('href')).resolves.toBe(
        '/dashboards',
      );
    });

    it('downloads CSVs equal to the charts’ rows (UTF-8 BOM, semicolons)', async () => {
      const page = session.page;
      await visit(session, `${server.origin()}/dashboards/tendances`);
      for (const chart of ['trends-projects-by-year', 'trends-european-by-phase']) {
        const csv = await downloadCsv(page, chart);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const table = await tableOf(page, chart);
        expect(parseCsv(csv.slice(1))).toEqual([table.header, ...table.rows]);
      }
      await visit(session, `${server.origin()}/dashboards/membres`);
      const csv = await downloadCsv(page, 'members-national');
      const table = await tableOf(page, 'members-national');
      expect(parseCsv(csv.slice(1))).toEqual([table.header, ...table.rows]);
      // French decimals: a share is written with a comma.
      expect(table.rows.some((row) => /^0,\d+$/.test(row[2] ?? ''))).toBe(true);
    });

    it('renders in French by default and in English with ?lang=en', async () => {
      const page = session.page;
      await visit(session, `${server.origin()}/dashboards/regions?measure=members`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.locator('h1').innerText()).resolves.toBe('Régions');
      // fr-FR groups thousands with a (narrow) no-break space: "4 418".
      const frTiles = await page.locator('a.tile span').allInnerTexts();
      expect(frTiles.some((text) => /^\d{1,3}[\u202f\u00a0]\d{3}$/.test(text))).toBe(true);

      await page.getByRole('link', { name: 'English' }).click();
      await page.locator('h1', { hasText: 'Regions' }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
      const enTiles = await page.locator('a.tile span').allInnerTexts();
      expect(enTiles.some((text) => /^\d{1,3},\d{3}$/.test(text))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `${kind}-regions-en-1366x768.png`) });
    });

    it('saves the README’s screenshots, as a ministry analyst at 1280×800', async () => {
      const analyst = await openSession({ width: 1280, height: 800 });
      try {
        const headers = await bearerFor(server.database().dataSource, ANALYST);
        await visit(analyst, `${server.origin()}${PAGE_URLS.selection}`);
        await signIn(analyst, headers.authorization);
        for (const name of DASHBOARD_PAGES) {
          await visit(analyst, `${server.origin()}${PAGE_URLS[name]}`);
          // Looked at, then copied by hand to docs/dashboards/ when a page changes visibly.
          mkdirSync(ARTIFACTS, { recursive: true });
          await analyst.page.screenshot({ path: join(ARTIFACTS, `${kind}-readme-${name}.png`) });
        }
        expect(analyst.errors).toEqual([]);
      } finally {
        await analyst.context.close();
      }
    });

    it('the Sélection heat map is operable by keyboard: arrows move, Enter opens the pole', async () => {
      const page = session.page;
      await visit(session, `${server.origin()}/dashboards/selection?phase=5`);
      const panel = page.locator('section[data-chart="selection-phase-5-criteria"]');
      const grid = panel.locator('table.heat-grid');
      // One stop in the tab order: Tab from the panel's CSV button lands on the first cell.
      await panel.locator('button.csv').focus();
      await page.keyboard.press('Tab');
      // Where the focus is: the row (data-y) and column (0: the pole's name) of the grid.
      const focused = () =>
        page.evaluate<{ y: number; x: number; text: string }>(`(() => {
          const cell = document.activeElement;
          const row = cell.closest('tr');
          return {
            y: Number(row ? row.dataset.y : NaN),
            x: row ? [...row.children].indexOf(cell) : -1,
            text: cell.textContent || '',
          };
        })()`);
      await expect(focused()).resolves.toMatchObject({ y: 0, x: 1 });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const cell = await focused();
      expect(cell).toMatchObject({ y: 1, x: 3 });
      // The cell says its criterion, value and threshold in words.
      expect(cell.text).toMatch(/C3 .+seuil/);
      await expect(grid.locator('[tabindex="0"]').count()).resolves.toBe(1);
      const criteria = (await grid.locator('thead th').count()) - 1;
      await page.keyboard.press('End');
      await expect(focused()).resolves.toMatchObject({ y: 1, x: criteria });
      await page.keyboard.press('Home');
      await expect(focused()).resolves.toMatchObject({ y: 1, x: 0 });
      await page.keyboard.press('PageDown');
      await expect(focused()).resolves.toMatchObject({ y: 11, x: 0 });
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowRight');
      // Tab leaves the grid and Shift+Tab comes back to the same cell.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await expect(focused()).resolves.toMatchObject({ y: 1, x: 1 });
      const poleName = await grid.locator('tbody tr').nth(1).locator('.heat-name').textContent();
      const before = session.requests.length;
      await page.evaluate(FORGET_RENDERING);
      await page.keyboard.press('Enter');
      await waitForPage(session, before);
      expect(new URL(page.url()).pathname).toBe('/dashboards/pole');
      await expect(page.locator('h1').innerText()).resolves.toContain(poleName);
    });

    it('says which criterion values are confidential and which are missing, as the API does for each role', async () => {
      const selectionDocument = await readFile('dashboard-selection.graphql');
      type SelectionAnswer = {
        selection: {
          rows: {
            criteria: { value: string | null; valueStatus: string; met: boolean | null }[];
          }[];
        };
      };
      const counts: Record<string, Record<string, number>> = {};
      for (const role of ['anonymous', 'ministry analyst'] as const) {
        const headers: Record<string, string> =
          role === 'anonymous' ? {} : await bearerFor(server.database().dataSource, ANALYST);
        const api = await server
          .env()
          .query<SelectionAnswer>(selectionDocument, { phase: 5 }, headers);
        expect(api.errors).toBeUndefined();
        const assessments = api.data!.selection.rows.flatMap((row) => row.criteria);
        const byStatus: Record<string, number> = { KNOWN: 0, MISSING: 0, CONFIDENTIAL: 0 };
        for (const assessment of assessments) {
          byStatus[assessment.valueStatus] = (byStatus[assessment.valueStatus] ?? 0) + 1;
          // A value is there exactly when it is KNOWN; met only with a value.
          expect(assessment.value === null).toBe(assessment.valueStatus !== 'KNOWN');
          expect(assessment.met === null).toBe(assessment.value === null);
        }
        counts[role] = byStatus;

        const roleSession = await openSession();
        try {
          await visit(roleSession, `${server.origin()}/dashboards/selection?phase=5`);
          // Signing in draws the page again, with the token.
          if ('authorization' in headers) await signIn(roleSession, headers.authorization);
          const grid = roleSession.page.locator('table.heat-grid');
          await expect(grid.locator('td.heat-confidential').count()).resolves.toBe(
            byStatus.CONFIDENTIAL,
          );
          await expect(grid.locator('td.heat-missing').count()).resolves.toBe(byStatus.MISSING);
          const table = await tableOf(roleSession.page, 'selection-phase-5-criteria');
          expect(table.rows.map((row) => row[6])).toEqual(
            assessments.map((assessment) => assessment.valueStatus),
          );
          if (byStatus.CONFIDENTIAL > 0) {
            await expect(
              grid.locator('td.heat-confidential').first().textContent(),
            ).resolves.toContain('confidentiel');
          }
          expect(roleSession.errors).toEqual([]);
        } finally {
          await roleSession.context.close();
        }
      }
      // Anonymous callers may not read private funding, funding raised nor scores; analysts may.
      expect(counts.anonymous!.CONFIDENTIAL).toBeGreaterThan(0);
      expect(counts['ministry analyst']!.CONFIDENTIAL).toBe(0);
      expect(counts['ministry analyst']!.KNOWN).toBeGreaterThan(counts.anonymous!.KNOWN!);
    });

    describe('as each role, the funding charts show what the API gives that role', () => {
      const roles = [
        { label: 'anonymous', token: null as null | (() => Promise<{ authorization: string }>) },
        {
          label: 'region officer 84',
          token: () =>
            bearerFor(server.database().dataSource, {
              role: Role.REGION_OFFICER,
              regionCode: '84',
            }),
        },
        {
          label: 'ministry analyst',
          token: () => bearerFor(server.database().dataSource, ANALYST),
        },
      ];

      it.each(roles.map((role) => [role.label, role]))('%s', async (_label, role) => {
        const roleSession = await openSession();
        try {
          const headers: Record<string, string> = role.token ? await role.token() : {};
          const page = roleSession.page;
          await visit(roleSession, `${server.origin()}/dashboards/regions?measure=funding`);
          if ('authorization' in headers) await signIn(roleSession, headers.authorization);
          const { data: reference } = await server.env().query<{
            regions: { code: string }[];
          }>(await readFile('dashboard-reference.graphql'), {}, headers);
          const regions = await readFile('dashboard-regions.graphql');
          const api = await server.env().query<{
            projectsByRegion: {
              key: { region: { code: string } };
              count: number;
              sum: { publicFundingGranted: string | null };
            }[];
          }>(regions, {}, headers);
          expect(api.errors).toBeUndefined();
          const table = await tableOf(page, 'regions-funding');
          const shown = table.rows.map((row) => [row[1], row[6]]);
          const given = reference!.regions.map((region) => {
            // A region whose poles lead no project has no group: nothing was granted there.
            const group = api.data!.projectsByRegion.find(
              (item) => item.key.region.code === region.code,
            );
            const sum = group ? group.sum.publicFundingGranted : '0';
            return [region.code, sum === null ? '' : sum.replace('.', ',')];
          });
          expect(shown).toEqual(given);
          const hidden = api.data!.projectsByRegion.every(
            (group) => group.sum.publicFundingGranted === null,
          );
          await expect(
            page.locator('section[data-chart="regions-funding"] .notice').count(),
          ).resolves.toBe(hidden ? 1 : 0);
          if (role.label === 'anonymous') expect(hidden).toBe(true);
          if (role.label !== 'anonymous') expect(hidden).toBe(false);

          // A pole's yearly figures: confidential (said so, no zeros) or exactly the API's rows.
          await visit(roleSession, `${server.origin()}/dashboards/pole?pole=aerospace-valley`);
          const profile = await server
            .env()
            .query<{ pole: { years: { year: number; budget: string }[] | null } }>(
              await readFile('dashboard-pole-profile.graphql'),
              { slug: 'aerospace-valley' },
              headers,
            );
          const years = await tableOf(page, 'pole-aerospace-valley-budget');
          const notice = page.locator('section[data-chart="pole-aerospace-valley-budget"] .notice');
          if (profile.data?.pole?.years === null) {
            expect(profile.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
            await expect(notice.count()).resolves.toBe(1);
            expect(years.rows).toEqual([]);
          } else {
            await expect(notice.count()).resolves.toBe(0);
            expect(years.rows.map((row) => [row[0], row[1]])).toEqual(
              profile.data!.pole.years!.map((year) => [
                String(year.year),
                year.budget.replace('.', ','),
              ]),
            );
          }
          expect(roleSession.errors).toEqual([]);
        } finally {
          await roleSession.context.close();
        }
      });
    });
  });
}

/** Pastes the token in the settings panel of the page shown: sessionStorage, never the URL. */
async function signIn(session: Session, authorization: string): Promise<void> {
  const page = session.page;
  await page.locator('.token-panel summary').click();
  await page.locator('input[name="token"]').fill(authorization.replace('Bearer ', ''));
  await page.evaluate(FORGET_RENDERING);
  await page.locator('.token-panel button[type="submit"]').click();
  await waitForPage(session, session.requests.length);
  await expect(page.locator('.viewer').textContent()).resolves.toMatch(
    /^Connecté en tant que (REGION_OFFICER|MINISTRY_ANALYST)/,
  );
  expect(page.url()).not.toContain('pg_');
}

function readFile(name: string): Promise<string> {
  return Promise.resolve(readFileSync(join(OPERATIONS_DIR, name), 'utf8'));
}
