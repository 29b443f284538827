import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';

import type { AppConfig } from '../config/config';
import type { ContextRequest, GraphQLContext } from '../graphql/context';
import { corsOptions } from './cors-policy';
import { mountHealth } from './health.routes';
import { batchSizeLimit, graphqlBodyParser } from './http-limits';
import { mountPlayground } from './playground/playground.routes';

export interface HttpAppDependencies {
  config: AppConfig;
  apollo: ApolloServer<GraphQLContext>;
  /** Builds one request's GraphQL context from what HTTP knows of it. */
  createContext(request: ContextRequest): Promise<GraphQLContext>;
}

/** The express pipeline: health, playground, then /graphql behind CORS and body limits. */
export function createHttpApp({ config, apollo, createContext }: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  mountHealth(app);
  // Browsers asking for HTML get the playground; GraphQL requests go on to Apollo.
  mountPlayground(app, config.http);
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions(config.http)),
    ...graphqlBodyParser(config.http.bodyLimitBytes),
    batchSizeLimit(config.http.maxBatchSize),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        createContext({
          authorization: req.headers.authorization,
          ip: req.ip ?? 'unknown',
          requestId: headerValue(req.headers['x-request-id']),
        }),
    }),
  );
  return app;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
