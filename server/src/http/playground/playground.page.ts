import type { PlaygroundSettings } from './playground.settings';

/** Where the bundled GraphiQL (`graphiql.js`, `graphiql.css`) is served from. */
export const PLAYGROUND_ASSETS_ROUTE = '/playground/assets';

/**
 * Only our own origin: GraphiQL must keep working on networks without internet access, and a
 * request to another host would be a sign it does not. Inline styles stay allowed because
 * GraphiQL's dialogs (settings, short keys) add a `<style>` element while open; fonts and icons
 * are data URLs inside the bundled CSS.
 */
export const PLAYGROUND_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The whole GraphiQL page; the settings travel as a JSON data block, which CSP lets through.
 * `dashboardsUrl` (null when DASHBOARDS=off) links the banner to the dashboards.
 */
export function renderPlaygroundPage(
  settings: PlaygroundSettings,
  dashboardsUrl: string | null = null,
): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>PoleGraph playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PLAYGROUND_ASSETS_ROUTE}/graphiql.css" />
  </head>
  <body>
    <header class="playground-banner">
      <strong>PoleGraph playground</strong>
      <span>
        Pick a query in the <em>Examples</em> catalogue on the left, or build one with the
        <em>Explorer</em>; run it with ▶ or Ctrl-Enter. The book icon documents every field.
      </span>
      <span>
        Your token, pasted once below, is used by every tab (it is kept for this page only, never
        saved). <em>Cost</em> estimates an operation before running it.
      </span>
      ${dashboardsUrl ? `<a class="playground-dashboards" href="${dashboardsUrl}">Dashboards (tableaux de bord)</a>` : ''}
      <div id="playground-session"></div>
    </header>
    <main id="graphiql">Loading GraphiQL…</main>
    <script type="application/json" id="playground-settings">${jsonForScript(settings)}</script>
    <script src="${PLAYGROUND_ASSETS_ROUTE}/graphiql.js"></script>
  </body>
</html>
`;
}

/** JSON that cannot close its `<script>` element, whatever the example queries contain. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
