import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { openDataSource } from './database/data-source';
import { closeDataSource } from './database/transactions';
import type { GraphQLContext } from './graphql/context';
import { createErrorFormatter } from './graphql/format-error';
import { LoaderRegistry } from './graphql/loader-registry';
import { buildPoleGraphSchema } from './graphql/schema';
import { playgroundApolloPlugins } from './playground/playground.plugins';
import { mountPlayground } from './playground/playground.routes';

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
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<PoleGraphApp> {
  const dataSource =
    options.dataSource ??
    (await openDataSource(config.database, { printStatements: config.logLevel === 'debug' }));
  const schema = await buildPoleGraphSchema();
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createErrorFormatter(config.nodeEnv === 'production'),
    includeStacktraceInErrorResponses: false,
    plugins: [
      // Lets in-flight requests finish when the server stops.
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...playgroundApolloPlugins(config),
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
    cors<cors.CorsRequest>(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        dataSource,
        requestId: String(req.headers['x-request-id'] ?? randomUUID()),
        loaders: new LoaderRegistry(),
        caller: { name: 'anonymous' },
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
      if (!options.dataSource) await closeDataSource(dataSource);
    },
  };
}
