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

export function createDashboardsClient(endpoint: string): PoleGraphClient {
  return createClient({
    url: new URL(endpoint, window.location.href).href,
    // Read before every request: a token pasted in the panel applies at once.
    token: () => storedToken(),
    // The text goes with every request: a server with TRUSTED_DOCUMENTS=all admits it because
    // it is in the SDK's manifest, and one without the manifest runs it all the same.
    persistedDocuments: 'off',
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
