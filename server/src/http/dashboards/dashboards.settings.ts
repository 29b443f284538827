/**
 * What the server tells the dashboards page, as JSON in the page itself. Shared by the server and
 * the browser bundle, so it imports nothing.
 */
export interface DashboardsSettings {
  /** Where the page sends its operations: same origin, so the CSP can stay at `'self'`. */
  endpoint: string;
  /** Where "voir la requête" opens an operation; null when PLAYGROUND is not `graphiql`. */
  playgroundUrl: string | null;
}
