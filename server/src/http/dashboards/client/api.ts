/**
 * The page's one door to the API: the workspace SDK (`@polegraph/client`), with the token of
 * the settings panel (sessionStorage, never the URL). A response whose only errors are
 * FORBIDDEN fields is a result: its confidential fields are null, and their paths are kept so
 * the charts can say "confidential" instead of drawing zeros.
 */
import {
  createClient,
  isPoleGraphError,
  type PoleGraphClient,
  type RetryEvent,
} from '@polegraph/client';

const TOKEN_KEY = 'polegraph-dashboards-token';
const ANSWER_KEY_PREFIX = 'polegraph-dashboards-answer|';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps or forgets the token; the answers kept for the previous one are forgotten. */
export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  forgetAnswers();
}

/** How long an answer is reused in the tab (pages, filters and reloads that ask the same). */
const REUSE_MS = 10 * 60 * 1000;

/**
 * The SDK, retrying a refused request once its `Retry-After` has passed (429: the caller's
 * bucket of cost points is empty; 503: the server is busy), and telling `onRetry` so the page
 * can say how long it waits.
 */
export function createDashboardsClient(
  endpoint: string,
  onRetry: (event: RetryEvent) => void,
): PoleGraphClient {
  return createClient({
    url: new URL(endpoint, window.location.href).href,
    // Read before every request: a token pasted in the panel applies at once.
    token: () => storedToken(),
    // The text goes with every request: a server with TRUSTED_DOCUMENTS=all admits it because
    // it is in the SDK's manifest, and one without the manifest runs it all the same.
    persistedDocuments: 'off',
    // An anonymous bucket refills in 20 s: waits of up to 30 s, five times, then the page
    // says so and tries again by itself (dashboards-entry.ts).
    retry: { retries: 5, maxDelayMs: 30_000, onRetry },
  });
}

/** The dashboards' operations of the SDK: `dashboardSelection`, `dashboardReference`… */
export type DashboardOperation = Extract<keyof PoleGraphClient, `dashboard${string}`>;
type VariablesOf<K extends DashboardOperation> = Parameters<PoleGraphClient[K]>[0];
type ResultOf<K extends DashboardOperation> = Awaited<ReturnType<PoleGraphClient[K]>>;

/** A result, and the paths of its fields that are confidential to the caller. */
export interface Loaded<T> {
  data: T;
  /** `pole.years`, `selection.rows.3.criteria`… (list indexes included). */
  confidential: string[];
}

/**
 * The dashboards' answers, kept for the tab's session (memory and sessionStorage) per token and
 * variables: moving between pages, a filter that only narrows what is drawn (region, level…),
 * the back button or a reload cost no request. This matters to anonymous callers, whose bucket
 * of 1,000 points refills in 20 s.
 */
export interface Answers {
  load<K extends DashboardOperation>(
    operation: K,
    variables?: VariablesOf<K>,
  ): Promise<Loaded<ResultOf<K>>>;
}

export function createAnswers(client: PoleGraphClient): Answers {
  const pending = new Map<string, Promise<Loaded<unknown>>>();
  return {
    load<K extends DashboardOperation>(operation: K, variables?: VariablesOf<K>) {
      const key = `${ANSWER_KEY_PREFIX}${operation}|${JSON.stringify(variables ?? {})}`;
      const kept = readAnswer<ResultOf<K>>(key);
      if (kept) return Promise.resolve(kept);
      const asked = pending.get(key);
      if (asked) return asked as Promise<Loaded<ResultOf<K>>>;
      const call = client[operation] as (variables?: unknown) => Promise<ResultOf<K>>;
      const answer = load(() => call.call(client, variables));
      pending.set(key, answer);
      void answer
        .then((loaded) => writeAnswer(key, loaded))
        .catch(() => undefined)
        .finally(() => pending.delete(key));
      return answer;
    },
  };
}

function readAnswer<T>(key: string): Loaded<T> | null {
  try {
    const text = sessionStorage.getItem(key);
    if (!text) return null;
    const kept = JSON.parse(text) as { at: number; loaded: Loaded<T> };
    if (Date.now() - kept.at < REUSE_MS) return kept.loaded;
    sessionStorage.removeItem(key);
  } catch {
    // Storage off (private mode) or damaged: asked again.
  }
  return null;
}

function writeAnswer(key: string, loaded: Loaded<unknown>): void {
  try {
    sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), loaded }));
  } catch {
    // Storage full or off: the answer is simply asked again next time.
  }
}

function forgetAnswers(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(ANSWER_KEY_PREFIX)) sessionStorage.removeItem(key);
  }
}

async function load<T>(call: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { data: await call(), confidential: [] };
  } catch (error) {
    if (
      isPoleGraphError(error) &&
      error.data &&
      error.errors.length > 0 &&
      error.errors.every((entry) => entry.extensions?.code === 'FORBIDDEN' && entry.path)
    ) {
      return {
        data: error.data as T,
        confidential: error.errors.map((entry) => (entry.path ?? []).join('.')),
      };
    }
    throw error;
  }
}

/** Whether the field at `path` (or anything under it) was confidential. */
export function isConfidential(loaded: Loaded<unknown>, path: string): boolean {
  return loaded.confidential.some((hidden) => hidden === path || hidden.startsWith(`${path}.`));
}

/** How long the server asked to wait, when `error` is a refusal for lack of points. */
export function retryAfterMsOf(error: unknown): number | null {
  if (!isPoleGraphError(error) || (error.code !== 'RATE_LIMITED' && error.status !== 429))
    return null;
  const fromHeader = error.details.retryAfterMs;
  if (typeof fromHeader === 'number') return fromHeader;
  const fromBody = error.details.retryAfter;
  return typeof fromBody === 'number' ? fromBody * 1000 : 1000;
}
