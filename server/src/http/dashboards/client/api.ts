/**
 * The page's one door to the API: the workspace SDK (`@polegraph/client`), with the token of
 * the settings panel (sessionStorage, never the URL). A response whose only errors are
 * FORBIDDEN fields is a result: its confidential fields are null, and their paths are kept so
 * the charts can say "confidential" instead of drawing zeros.
 */
import { createClient, isPoleGraphError, type PoleGraphClient } from '@polegraph/client';

const TOKEN_KEY = 'polegraph-dashboards-token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** How long an answer is reused within the page (filters and links that ask the same again). */
const REUSE_MS = 5 * 60 * 1000;

export function createDashboardsClient(endpoint: string): PoleGraphClient {
  return reusingAnswers(
    createClient({
      url: new URL(endpoint, window.location.href).href,
      // Read before every request: a token pasted in the panel applies at once.
      token: () => storedToken(),
      // The text goes with every request: a server with TRUSTED_DOCUMENTS=all admits it because
      // it is in the SDK's manifest, and one without the manifest runs it all the same.
      persistedDocuments: 'off',
    }),
  );
}

/**
 * The dashboards' operations, answered once per token and variables for a few minutes: a filter
 * that only narrows what is drawn (region, theme, level…) or a return to a page costs no request,
 * which matters to anonymous callers, whose cost bucket (1,000 points, refilled in 20 s) a
 * Sélection page nearly empties.
 */
function reusingAnswers(client: PoleGraphClient): PoleGraphClient {
  const answers = new Map<string, { at: number; answer: Promise<unknown> }>();
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !property.startsWith('dashboard')) return value;
      if (typeof value !== 'function') return value;
      return (variables?: unknown, options?: unknown) => {
        const key = `${storedToken() ?? ''}|${property}|${JSON.stringify(variables ?? {})}`;
        const kept = answers.get(key);
        if (kept && Date.now() - kept.at < REUSE_MS) return kept.answer;
        const answer = (value as (...args: unknown[]) => Promise<unknown>).call(
          target,
          variables,
          options,
        );
        answers.set(key, { at: Date.now(), answer });
        // A failure is asked again next time, unless it is a result with confidential fields.
        answer.catch((error: unknown) => {
          if (!(isPoleGraphError(error) && error.data)) answers.delete(key);
        });
        return answer;
      };
    },
  });
}

/** A result, and the paths of its fields that are confidential to the caller. */
export interface Loaded<T> {
  data: T;
  /** `pole.years`, `selection.rows.3.criteria`… (list indexes included). */
  confidential: string[];
}

export async function load<T>(call: () => Promise<T>): Promise<Loaded<T>> {
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
