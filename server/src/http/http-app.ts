import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';

import type { AppConfig } from '../config/config';
import type { ContextRequest, GraphQLContext } from '../graphql/context';
import { corsOptions } from './cors-policy';
import { mountHealth } from './health.routes';
import { batchSizeLimit, graphqlBodyParser } from './http-limits';
import { mountImportExport } from './import-export.routes';
import { mountPlayground } from './playground/playground.routes';

export interface HttpAppDependencies {
  config: AppConfig;
  apollo: ApolloServer<GraphQLContext>;
  /** The served schema: the export endpoint reads its filters with it. */
  schema: GraphQLSchema;
  /** Builds one request's GraphQL context from what HTTP knows of it. */
  createContext(request: ContextRequest): Promise<GraphQLContext>;
}

/** The express pipeline: health, playground, then /graphql behind CORS and body limits. */
export function createHttpApp({
  config,
  apollo,
  schema,
  createContext,
}: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  mountHealth(app);
  // Browsers asking for HTML get the playground; GraphQL requests go on to Apollo.
  mountPlayground(app, config);
  mountImportExport(app, { config, schema, createContext });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions(config)),
    ...graphqlBodyParser(config.bodyLimitBytes),
    batchSizeLimit(config.maxBatchSize),
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
