/**
 * The dashboards' browser side, bundled by `scripts/build-dashboards.mjs` into
 * `dist/dashboards/assets/dashboards.{js,css}`: a shell (navigation, language, token panel)
 * and the page named by the URL (`/dashboards/<page>?<filters>&lang=en`), rendered from the
 * SDK's typed operations. Links and filters change the URL without reloading the page.
 */
import './dashboards.css';

import type { RetryEvent } from '@polegraph/client';

import type { DashboardsSettings } from '../dashboards.settings';
import {
  createAnswers,
  createDashboardsClient,
  retryAfterMsOf,
  storedToken,
  storeToken,
} from './api';
import { disposeCharts, drawPending, element, resizeCharts } from './chart-panel';
import { createI18n, type Lang } from './i18n';
import type { PageContext, PageName } from './page-context';
import { renderMembersPage } from './pages/members.page';
import { renderPolePage } from './pages/pole.page';
import { renderRegionsPage } from './pages/regions.page';
import { renderSelectionPage } from './pages/selection.page';
import { renderTrendsPage } from './pages/trends.page';

const PAGES: Record<PageName, (context: PageContext) => Promise<void>> = {
  selection: renderSelectionPage,
  regions: renderRegionsPage,
  tendances: renderTrendsPage,
  pole: renderPolePage,
  membres: renderMembersPage,
};
const PAGE_NAMES = Object.keys(PAGES) as PageName[];
const VIEWER_KEY = 'polegraph-dashboards-viewer';

function readSettings(): DashboardsSettings {
  const node = document.getElementById('dashboards-settings');
  if (!node?.textContent) throw new Error('The page carries no #dashboards-settings');
  return JSON.parse(node.textContent) as DashboardsSettings;
}

const settings = readSettings();
const client = createDashboardsClient(settings.endpoint, showRetry);
const answers = createAnswers(client);
const root = document.getElementById('dashboards')!;
const charts: PageContext['charts'] = [];
let rendering = 0;
/** The live region that says why the page waits (429), in the current page's language. */
let waitNotice: HTMLElement | null = null;
let waitTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Says how long the page waits before asking again, counting down: the SDK retries by itself
 * once the server's Retry-After has passed (an anonymous bucket refills in 20 s).
 */
function showRetry(event: RetryEvent): void {
  if (event.status !== 429 || !waitNotice) return;
  const notice = waitNotice;
  const i18n = createI18n(currentLang());
  const until = Date.now() + event.delayMs;
  const say = () => {
    const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
    notice.textContent = `${i18n.t('rateLimited')} ${seconds} ${i18n.t('seconds')}. ${i18n.t('rateLimitedHint')}`;
  };
  clearInterval(waitTimer);
  say();
  notice.hidden = false;
  waitTimer = setInterval(say, 1000);
}

function hideRetry(): void {
  clearInterval(waitTimer);
  if (waitNotice) waitNotice.hidden = true;
}

function currentPage(): PageName {
  const name = window.location.pathname.replace(/^\/dashboards\/?/, '').split('/')[0] ?? '';
  return (PAGE_NAMES as string[]).includes(name) ? (name as PageName) : 'selection';
}

function currentLang(): Lang {
  return new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'fr';
}

function href(page: PageName, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  if (currentLang() === 'en') query.set('lang', 'en');
  const text = query.toString();
  return `/dashboards/${page}${text ? `?${text}` : ''}`;
}

function go(url: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  void render(true);
}

async function render(moveFocus = false): Promise<void> {
  const ticket = (rendering += 1);
  const page = currentPage();
  const lang = currentLang();
  const i18n = createI18n(lang);
  document.documentElement.lang = lang;
  document.title = `${i18n.t(`page.${page}`)} – ${i18n.t('appTitle')}`;
  disposeCharts({ i18n, playgroundUrl: settings.playgroundUrl, charts, pendingDrawings: [] });
  root.textContent = '';
  root.append(shell(page, i18n));
  const main = element('main', { id: 'content', 'aria-busy': 'true' });
  main.append(element('p', { class: 'loading', role: 'status' }, i18n.t('loading')));
  hideRetry();
  waitNotice = element('p', { class: 'notice wait', role: 'status' });
  waitNotice.hidden = true;
  root.append(waitNotice, main);
  const params = new URLSearchParams(window.location.search);
  const content = element('div', { class: 'page' });
  const context: PageContext = {
    i18n,
    playgroundUrl: settings.playgroundUrl,
    charts,
    pendingDrawings: [],
    answers,
    params,
    main: content,
    href,
    go,
    setParams(changes) {
      const next = new URLSearchParams(window.location.search);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      go(`${window.location.pathname}?${next.toString()}`);
    },
  };
  try {
    await PAGES[page](context);
  } catch (error) {
    if (ticket !== rendering) return;
    const retryAfterMs = retryAfterMsOf(error);
    if (retryAfterMs !== null) {
      // Still refused after the SDK's retries: say so, and try again once the delay is over.
      showRetry({ attempt: 0, delayMs: retryAfterMs, status: 429, operationName: undefined });
      setTimeout(() => {
        if (ticket === rendering) void render();
      }, retryAfterMs);
      return;
    }
    content.textContent = '';
    content.append(
      element(
        'p',
        { class: 'notice error', role: 'alert' },
        `${i18n.t('error')}${i18n.t('colon')}${(error as Error).message}`,
      ),
    );
  }
  if (ticket !== rendering) return;
  main.textContent = '';
  main.append(content);
  hideRetry();
  drawPending(context);
  main.setAttribute('aria-busy', 'false');
  document.body.dataset.rendered = `${page}:${Date.now()}`;
  // The first meaningful paint, from the navigation's start (the browser test reports it).
  document.body.dataset.firstPaintMs ??= String(Math.round(performance.now()));
  if (moveFocus) document.getElementById('page-title')?.focus();
}

function shell(page: PageName, i18n: ReturnType<typeof createI18n>): HTMLElement {
  const header = element('header', { class: 'top' });
  header.append(element('a', { class: 'skip', href: '#content' }, i18n.t('skip')));
  const brand = element('a', { class: 'brand', href: href('selection') }, i18n.t('appTitle'));
  header.append(brand);
  const nav = element('nav', { 'aria-label': i18n.t('navLabel') });
  const list = element('ul');
  for (const name of PAGE_NAMES) {
    const item = element('li');
    const link = element('a', { href: href(name) }, i18n.t(`page.${name}`));
    if (name === page) link.setAttribute('aria-current', 'page');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  header.append(nav);

  const tools = element('div', { class: 'tools' });
  const other: Lang = i18n.lang === 'fr' ? 'en' : 'fr';
  const switchParams = new URLSearchParams(window.location.search);
  if (other === 'en') switchParams.set('lang', 'en');
  else switchParams.delete('lang');
  const switchQuery = switchParams.toString();
  tools.append(
    element(
      'a',
      {
        class: 'lang',
        href: `${window.location.pathname}${switchQuery ? `?${switchQuery}` : ''}`,
        hreflang: other,
        lang: other,
      },
      other === 'en' ? 'English' : 'Français',
    ),
  );
  tools.append(tokenPanel(i18n));
  if (settings.playgroundUrl)
    tools.append(element('a', { href: settings.playgroundUrl }, 'Playground'));
  header.append(tools);
  return header;
}

function tokenPanel(i18n: ReturnType<typeof createI18n>): HTMLElement {
  const details = element('details', { class: 'token-panel' });
  details.append(element('summary', {}, i18n.t('settings')));
  const status = element('p', { class: 'viewer', role: 'status' }, viewerText(i18n));
  const form = element('form');
  const label = element('label');
  label.append(element('span', {}, i18n.t('tokenLabel')));
  const input = element('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    placeholder: 'pg_…',
  });
  label.append(input);
  form.append(label, element('button', { type: 'submit' }, i18n.t('tokenUse')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    storeToken(token);
    void client
      .viewer()
      .then(({ viewer }) => sessionStorage.setItem(VIEWER_KEY, JSON.stringify(viewer)))
      .catch((error: Error) =>
        sessionStorage.setItem(VIEWER_KEY, JSON.stringify({ error: error.message })),
      )
      .finally(() => void render());
  });
  details.append(status, form);
  if (storedToken()) {
    const forget = element('button', { type: 'button' }, i18n.t('tokenForget'));
    forget.addEventListener('click', () => {
      storeToken(null);
      sessionStorage.removeItem(VIEWER_KEY);
      void render();
    });
    details.append(forget);
  }
  return details;
}

function viewerText(i18n: ReturnType<typeof createI18n>): string {
  if (!storedToken()) return i18n.t('anonymous');
  const viewer = JSON.parse(sessionStorage.getItem(VIEWER_KEY) ?? 'null') as {
    role?: string;
    scope?: { kind: string; code: string; name: string } | null;
    error?: string;
  } | null;
  if (!viewer) return i18n.t('signedInAs');
  if (viewer.error) return viewer.error;
  return `${i18n.t('signedInAs')} ${viewer.role}${viewer.scope ? ` (${viewer.scope.name})` : ''}`;
}

// Links inside the dashboards change the page without a reload (the assets stay loaded).
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey
  )
    return;
  const url = new URL(link.href, window.location.href);
  if (
    url.origin !== window.location.origin ||
    !/^\/dashboards(\/|$)/.test(url.pathname) ||
    url.pathname.startsWith('/dashboards/assets')
  )
    return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', () => void render());
window.addEventListener('resize', () =>
  resizeCharts({
    i18n: createI18n(currentLang()),
    playgroundUrl: null,
    charts,
    pendingDrawings: [],
  }),
);

void render();
