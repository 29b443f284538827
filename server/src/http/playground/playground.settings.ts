/**
 * What the server tells the GraphiQL page, as JSON in the page itself. Shared by the server and
 * the browser bundle, so it imports nothing.
 */
export interface PlaygroundSettings {
  /** Where the page sends operations: same origin, so the CSP can stay at `'self'`. */
  endpoint: string;
  /**
   * Prefix of GraphiQL's localStorage keys. It changes when the examples change, because
   * GraphiQL only opens `tabs` when it finds no saved tabs: a fixed prefix would hide every
   * example added after someone's first visit.
   */
  storageNamespace: string;
  /** The tabs opened on a first visit: the first example only (the others are in the catalogue). */
  tabs: { query: string }[];
  /** The example catalogue, grouped by `audience` in the page, in file-name order. */
  examples: { title: string; description: string; audience: string; query: string }[];
}
