import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';

import { authenticate } from './auth/api-token.service';
import type { AppConfig } from './config/config';
import { openDataSource } from './database/data-source';
import { closeDataSource } from './database/transactions';
import type { GraphQLContext } from './graphql/context';
import { createErrorFormatter } from './graphql/format-error';
import { abuseProtectionPlugin } from './graphql/limits/abuse-protection.plugin';
import { corsOptions } from './graphql/limits/cors-policy';
import { batchSizeLimit, graphqlBodyParser } from './graphql/limits/http-limits';
import { LoaderRegistry } from './graphql/loader-registry';
import { buildPoleGraphSchema } from './graphql/schema';
import { TrustedDocuments } from './graphql/trusted-documents/trusted-documents';
import { playgroundApolloPlugins } from './playground/playground.plugins';
import { mountPlayground } from './playground/playground.routes';
import { RateLimiter } from './rate-limit/rate-limiter';

export interface PoleGraphApp {
  config: AppConfig;
  express: Express;
  apollo: ApolloServer<GraphQLContext>;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Starts listening; resolves once the port is bound (port 0 picks a free one). */
  listen(port?: number): Promise<{ server: Server; url: string }>;
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** An already open data source (tests share one); otherwise one is opened from the config. */
  dataSource?: DataSource;
}

/** Builds the whole server without listening, so tests can run it on a port of their own. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<PoleGraphApp> {
  const dataSource =
    options.dataSource ??
    (await openDataSource(config.database, { printStatements: config.logLevel === 'debug' }));
  const schema = await buildPoleGraphSchema();
  const trustedDocuments =
    config.trustedDocuments === 'off'
      ? null
      : TrustedDocuments.load(config.trustedDocuments, config.trustedDocumentsManifest);
  const rateLimiter = await RateLimiter.fromConfig(config);
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createErrorFormatter(config.nodeEnv === 'production'),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // Arrays of operations; their length is checked by batchSizeLimit before Apollo sees them.
    allowBatchedHttpRequests: config.maxBatchSize > 0,
    // Bounds parsing and validation (which grow faster than the document) before any limit runs.
    parseOptions: { maxTokens: config.maxQueryTokens },
    plugins: [
      // Lets in-flight requests finish when the server stops.
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We send no cache hints; Apollo's cache-control plugin would still wrap every field
      // resolver (willResolveField), measured at about a third of a big query's time.
      ApolloServerPluginCacheControlDisabled(),
      ...playgroundApolloPlugins(config),
      // Trusted documents, depth/alias/root-field/cost limits and the rate limit (graphql/limits).
      abuseProtectionPlugin({ schema, limits: config, rateLimiter, trustedDocuments }),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Browsers asking for HTML get the playground; GraphQL requests go on to Apollo.
  mountPlayground(app, config);
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions(config)),
    ...graphqlBodyParser(config.bodyLimitBytes),
    batchSizeLimit(config.maxBatchSize),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        dataSource,
        requestId: String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 64),
        loaders: new LoaderRegistry(),
        caller: await authenticate(dataSource, req.headers.authorization, req.ip ?? 'unknown'),
      }),
    }),
  );

  return {
    config,
    express: app,
    apollo,
    dataSource,
    schema,
    listen(port = config.port) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          const boundPort = typeof address === 'object' && address ? address.port : port;
          resolve({ server: httpServer, url: `http://localhost:${boundPort}/graphql` });
        });
      });
    },
    async close() {
      // Apollo's drain plugin closes the HTTP server once in-flight requests are done.
      await apollo.stop();
      await rateLimiter.close();
      if (!options.dataSource) await closeDataSource(dataSource);
    },
  };
}
