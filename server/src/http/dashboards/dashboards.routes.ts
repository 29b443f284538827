import { existsSync } from 'node:fs';
import { join } from 'node:path';

import express, { type Express, type NextFunction, type Request, type Response } from 'express';

import type { HttpConfig } from '../../config/config';
import {
  DASHBOARDS_ASSETS_ROUTE,
  DASHBOARDS_CONTENT_SECURITY_POLICY,
  renderDashboardsPage,
} from './dashboards.page';

/** Where `scripts/build-dashboards.mjs` puts the bundle (see PLAYGROUND_ASSETS_DIR for why). */
export const DASHBOARDS_ASSETS_DIR = join(
  __dirname,
  '..',
  '..',
  '..',
  'dist',
  'dashboards',
  'assets',
);

/** The pages of the client, by their path under /dashboards (the first is the home page). */
export const DASHBOARD_PAGES = ['selection', 'regions', 'tendances', 'pole', 'membres'] as const;

/**
 * Serves the analysts' dashboards at /dashboards (one HTML shell for every page, the client
 * routes by URL) and their bundle. DASHBOARDS=off mounts nothing; PLAYGROUND only decides
 * whether "voir la requête" links to the playground.
 */
export function mountDashboards(
  app: Express,
  config: Pick<HttpConfig, 'dashboards' | 'playground'>,
): void {
  if (!config.dashboards) return;
  const page = renderDashboardsPage({
    endpoint: '/graphql',
    playgroundUrl: config.playground === 'graphiql' ? '/playground' : null,
  });
  app.use(
    DASHBOARDS_ASSETS_ROUTE,
    express.static(DASHBOARDS_ASSETS_DIR, {
      index: false,
      fallthrough: false,
      cacheControl: false,
    }),
    quietAssetErrors,
  );
  const paths = ['/dashboards', ...DASHBOARD_PAGES.map((name) => `/dashboards/${name}`)];
  app.get(paths, (_request, response) => {
    if (!existsSync(join(DASHBOARDS_ASSETS_DIR, 'dashboards.js'))) {
      response
        .status(503)
        .type('text/plain')
        .send('The dashboards are not built: run `npm run build`, then restart the server.\n');
      return;
    }
    response
      .set('Content-Security-Policy', DASHBOARDS_CONTENT_SECURITY_POLICY)
      .set('Cache-Control', 'no-cache')
      .set('X-Content-Type-Options', 'nosniff')
      .type('html')
      .send(page);
  });
}

/** A path that names no asset is the client's mistake: its status in one line, no stack. */
function quietAssetErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  response
    .status(status)
    .type('text/plain')
    .send(status === 404 ? 'No such dashboards asset.\n' : 'Bad dashboards asset path.\n');
}
