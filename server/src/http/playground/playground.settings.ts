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
  /** One tab per example, in file-name order. */
  tabs: { query: string }[];
}
