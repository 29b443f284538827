import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import express, { type Express, type NextFunction, type Request, type Response } from 'express';

import type { HttpConfig } from '../../config/config';
import { loadPlaygroundExamples } from './playground.examples';
import {
  PLAYGROUND_ASSETS_ROUTE,
  PLAYGROUND_CONTENT_SECURITY_POLICY,
  renderPlaygroundPage,
} from './playground.page';

/**
 * Where `scripts/build-playground.mjs` puts the bundle. Written from the package root rather
 * than from `__dirname` alone, so the sources (`src/http/playground`, run by the tests) and the build
 * (`dist/playground`) both find the one bundle.
 */
export const PLAYGROUND_ASSETS_DIR = join(
  __dirname,
  '..',
  '..',
  '..',
  'dist',
  'playground',
  'assets',
);

/**
 * Serves the playground to browsers at /graphql and /playground; every other request (GraphQL
 * over GET or POST from any client) goes on to Apollo. Mounted before Apollo's middleware.
 */
export function mountPlayground(
  app: Express,
  config: Pick<HttpConfig, 'playground'> & Partial<Pick<HttpConfig, 'dashboards'>>,
): void {
  switch (config.playground) {
    case 'off':
      return;
    case 'apollo-sandbox':
      // Apollo's landing page plugin serves the Sandbox at /graphql itself.
      app.get('/playground', (request, response, next) => {
        if (!prefersHtml(request)) return next();
        response.redirect('/graphql');
      });
      return;
    case 'graphiql':
      mountGraphiQL(app, config.dashboards ? '/dashboards' : null);
      return;
  }
}

function mountGraphiQL(app: Express, dashboardsUrl: string | null): void {
  const examples = loadPlaygroundExamples().map(({ title, description, audience, query }) => ({
    title,
    description,
    audience,
    query,
  }));
  const tabs = examples.slice(0, 1).map(({ query }) => ({ query }));
  const examplesHash = createHash('sha256').update(JSON.stringify(examples)).digest('hex');
  const page = renderPlaygroundPage(
    {
      endpoint: '/graphql',
      storageNamespace: `polegraph-playground-${examplesHash.slice(0, 12)}`,
      tabs,
      examples,
    },
    dashboardsUrl,
  );

  const pageEtag = `W/"${createHash('sha256').update(page).digest('base64url').slice(0, 32)}"`;
  app.use(
    PLAYGROUND_ASSETS_ROUTE,
    // File names carry no hash, so browsers revalidate (ETag) instead of keeping a stale bundle.
    express.static(PLAYGROUND_ASSETS_DIR, {
      index: false,
      fallthrough: false,
      cacheControl: false,
    }),
    quietAssetErrors,
  );
  app.get(['/graphql', '/playground'], (request, response, next) => {
    if (!prefersHtml(request)) return next();
    if (!existsSync(join(PLAYGROUND_ASSETS_DIR, 'graphiql.js'))) {
      response
        .status(503)
        .type('text/plain')
        .send('The playground is not built: run `npm run build`, then restart the server.\n');
      return;
    }
    response
      .set('Content-Security-Policy', PLAYGROUND_CONTENT_SECURITY_POLICY)
      .set('Cache-Control', 'no-cache')
      // The app generates no ETags (http-app.ts): the page's own, so that browsers revalidate.
      .set('ETag', pageEtag)
      .set('X-Content-Type-Options', 'nosniff')
      .type('html')
      .send(page);
  });
}

/**
 * A path that names no asset (`../`, a broken %-escape, a missing file) is the client's
 * mistake: answered with its status (400, 403, 404) in one line, never a stack trace in the
 * response or the log.
 */
function quietAssetErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  response
    .status(status)
    .type('text/plain')
    .send(status === 404 ? 'No such playground asset.\n' : 'Bad playground asset path.\n');
}

/**
 * A browser navigating to the URL (it ranks text/html first), as opposed to a GraphQL client,
 * which asks for JSON or for anything (`*\/*`). The same test as Apollo's landing page.
 */
function prefersHtml(request: Request): boolean {
  const preferred = request.accepts([
    'application/json',
    'application/graphql-response+json',
    'multipart/mixed',
    'text/html',
  ]);
  return preferred === 'text/html';
}
