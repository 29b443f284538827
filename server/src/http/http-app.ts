import type { ApolloServer } from '@apollo/server';
import cors from 'cors';
import express, { type Express, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';

import type { AppConfig } from '../config/config';
import type { ContextRequest, GraphQLContext } from '../graphql/context';
import { contextCreationError } from '../graphql/format-error';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { Tracing } from '../observability/tracing';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { corsOptions } from './cors-policy';
import { mountDashboards } from './dashboards/dashboards.routes';
import { ExecutionGate } from './execution-gate';
import { graphqlEndpoint } from './graphql-endpoint';
import { mountHealth, type Readiness } from './health.routes';
import { batchSizeLimit, graphqlBodyParser } from './http-limits';
import { mountImportExport } from './import-export.routes';
import { mountMetrics } from './metrics.routes';
import { mountPlayground } from './playground/playground.routes';
import { requestLog, requestRecordOf, requestScope } from './request-log';
import { unexpectedErrors } from './unexpected-errors';

export interface HttpAppDependencies {
  config: AppConfig;
  apollo: ApolloServer<GraphQLContext>;
  /** The served schema: the export endpoint reads its filters with it. */
  schema: GraphQLSchema;
  /** Builds one request's GraphQL context from what HTTP knows of it. */
  createContext(request: ContextRequest): Promise<GraphQLContext>;
  logger: Logger;
  readiness: Readiness;
  /** Null when METRICS=off. */
  metrics: Metrics | null;
  tracing: Tracing;
  /** The callers' buckets: /graphql's plugin and the bulk endpoints take from the same ones. */
  rateLimiter: RateLimiter;
}

/**
 * The express pipeline: request id and log line, the playground, /graphql behind CORS, body
 * limits and the bound on concurrent executions, then health, metrics, dashboards, imports and
 * exports.
 */
export function createHttpApp({
  config,
  apollo,
  schema,
  createContext,
  logger,
  readiness,
  metrics,
  tracing,
  rateLimiter,
}: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every whole body, live budget included, into an ETag that changes with
  // each call: the GraphQL answers get theirs from graphql/http-caching.plugin.ts instead.
  app.set('etag', false);
  app.use(requestLog(logger, metrics));
  // Browsers asking for HTML get the playground; GraphQL requests go on to Apollo.
  mountPlayground(app, config.http);
  // /graphql next: its requests, most of all, need not be matched against every other route.
  const gate = new ExecutionGate(config.operations);
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions(config.http)),
    ...graphqlBodyParser(config.http.bodyLimitBytes),
    batchSizeLimit(config.http.maxBatchSize),
    gate.middleware(),
    requestScope(tracing),
    // Answers over 1 kB in brotli or gzip when the client accepts it (graphql-endpoint.ts).
    graphqlEndpoint(apollo, async ({ req, res }) => {
      const record = requestRecordOf(res);
      try {
        return await createContext({
          authorization: req.headers.authorization,
          ip: req.ip ?? 'unknown',
          requestId: record.requestId,
          abandoned: () => abandonedSignal(res),
        });
      } catch (error) {
        const answered = contextCreationError(error, record.requestId, logger);
        record.errorCodes.push(String(answered.extensions.code));
        throw answered;
      }
    }),
  );
  mountHealth(app, readiness);
  if (metrics && config.operations.metricsPort === null) mountMetrics(app, metrics);
  mountDashboards(app, config.http);
  mountImportExport(app, {
    config,
    schema,
    createContext,
    logger,
    rateLimiter,
    executionGate: gate.middleware(),
  });
  app.use(unexpectedErrors(logger));
  return app;
}

/**
 * Aborted when the connection closes before the answer was sent: the client went away (already
 * aborted when it went before the signal was asked for).
 */
function abandonedSignal(response: Response): AbortSignal {
  const controller = new AbortController();
  const abandon = () => {
    if (!response.writableFinished)
      controller.abort(new Error('The client closed the connection before the answer.'));
  };
  if (response.closed) abandon();
  else response.once('close', abandon);
  return controller.signal;
}
