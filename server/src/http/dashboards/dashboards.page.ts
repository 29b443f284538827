import { PLAYGROUND_CONTENT_SECURITY_POLICY } from '../playground/playground.page';
import type { DashboardsSettings } from './dashboards.settings';

/** Where the bundle (`dashboards.js`, `dashboards.css`) is served from. */
export const DASHBOARDS_ASSETS_ROUTE = '/dashboards/assets';

/**
 * The playground's policy: only our own origin, so a dashboard that works here works on a
 * network without internet access. ECharts' tooltips set inline styles, which it allows.
 */
export const DASHBOARDS_CONTENT_SECURITY_POLICY = PLAYGROUND_CONTENT_SECURITY_POLICY;

/** The page shell; the client renders the page named by the URL into `#dashboards`. */
export function renderDashboardsPage(settings: DashboardsSettings): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>PoleGraph – tableaux de bord</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${DASHBOARDS_ASSETS_ROUTE}/dashboards.css" />
  </head>
  <body>
    <div id="dashboards"><p>Chargement des tableaux de bord…</p></div>
    <script type="application/json" id="dashboards-settings">${jsonForScript(settings)}</script>
    <script src="${DASHBOARDS_ASSETS_ROUTE}/dashboards.js"></script>
  </body>
</html>
`;
}

/** JSON that cannot close its `<script>` element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
