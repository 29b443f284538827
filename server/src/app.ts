import 'reflect-metadata';

import { createServer, type Server } from 'node:http';

import type { ApolloServer } from '@apollo/server';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';

import type { AppConfig } from './config/config';
import { openDataSource } from './database/data-source';
import { closeDataSource } from './database/transactions';
import { ENTITIES, SCHEMA_FEATURES } from './features';
import { startApolloServer } from './graphql/apollo-server';
import { type ContextRequest, createContext, type GraphQLContext } from './graphql/context';
import { buildPoleGraphSchema } from './graphql/schema';
import { type LiveEventBus, openLiveEventBus } from './graphql/subscriptions/live-event-bus';
import { liveEventsOf } from './graphql/subscriptions/live-events';
import {
  startWebSocketTransport,
  type WebSocketTransport,
} from './graphql/subscriptions/websocket-server';
import { createHttpApp } from './http/http-app';
import { RateLimiter } from './rate-limit/rate-limiter';

export interface PoleGraphApp {
  config: AppConfig;
  express: Express;
  apollo: ApolloServer<GraphQLContext>;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Subscriptions over WebSocket on the same port and path. */
  webSocket: WebSocketTransport;
  /** Where committed changes are published to subscribers (Redis or this process). */
  liveEvents: LiveEventBus;
  /** Starts listening; resolves once the port is bound (port 0 picks a free one). */
  listen(port?: number): Promise<{ server: Server; url: string }>;
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** An already open data source (tests share one); otherwise one is opened from the config. */
  dataSource?: DataSource;
}

/**
 * Composition only: config → database → features → GraphQL → HTTP. Builds the whole server
 * without listening, so tests can run it on a port of their own.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<PoleGraphApp> {
  const dataSource =
    options.dataSource ??
    (await openDataSource(config.database, {
      entities: ENTITIES,
      printStatements: config.logLevel === 'debug',
    }));
  const schema = await buildPoleGraphSchema(SCHEMA_FEATURES);
  const rateLimiter = await RateLimiter.fromConfig(config);
  const httpServer = createServer();
  // Every committed write (the unit of work's after-commit listeners) reaches subscribers.
  const liveEvents = await openLiveEventBus(config);
  const afterCommit = [
    (change: Parameters<typeof liveEventsOf>[0]) => liveEvents.publish(liveEventsOf(change)),
  ];
  const contextOf = (request: ContextRequest) =>
    createContext({ dataSource, afterCommit, liveEvents }, request);
  const webSocket = startWebSocketTransport({
    config,
    schema,
    dataSource,
    rateLimiter,
    httpServer,
    createContext: contextOf,
  });
  const apollo = await startApolloServer({
    config,
    schema,
    rateLimiter,
    httpServer,
    drainOnStop: [() => webSocket.dispose()],
  });
  const app = createHttpApp({ config, apollo, createContext: contextOf });
  httpServer.on('request', app);

  let closing: Promise<void> | undefined;
  return {
    config,
    express: app,
    apollo,
    dataSource,
    schema,
    webSocket,
    liveEvents,
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
    close() {
      // One stop, however many times it is asked for.
      closing ??= (async () => {
        // Apollo's drain plugin closes the HTTP server once in-flight requests are done, and
        // the WebSocket server with its subscriptions.
        await apollo.stop();
        await liveEvents.close();
        await rateLimiter.close();
        if (!options.dataSource) await closeDataSource(dataSource);
      })();
      return closing;
    },
  };
}
