import 'reflect-metadata';

import { createServer, type Server } from 'node:http';

import type { ApolloServer } from '@apollo/server';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';

import { TokenLookupCache } from './api-token/token-lookup-cache';
import type { AppConfig } from './config/config';
import { openDataSource, sqlStatementLog } from './database/data-source';
import { databaseOf, runInDatabaseSession } from './database/database';
import { keptRows } from './database/query/kept-reads';
import { referenceTablesOf } from './database/query/reference-tables';
import { closeDataSource } from './database/transactions';
import { ENTITIES, SCHEMA_FEATURES } from './features';
import { startApolloServer } from './graphql/apollo-server';
import { CompiledExecution, type ExecutionCounts } from './graphql/compiled-execution';
import {
  type ContextDependencies,
  type ContextRequest,
  createContext,
  type GraphQLContext,
} from './graphql/context';
import { HeavyOperationLane } from './graphql/limits/heavy-operation-lane';
import { buildPoleGraphSchema } from './graphql/schema';
import {
  type LiveEventBus,
  openLiveEventBus,
  publishCommitted,
} from './graphql/subscriptions/live-event-bus';
import {
  startWebSocketTransport,
  type WebSocketTransport,
} from './graphql/subscriptions/websocket-server';
import { trustedDocumentsOf } from './graphql/trusted-documents/trusted-documents';
import { GracefulStop } from './http/graceful-stop';
import { Readiness, type ReadinessCheck } from './http/health.routes';
import { createHttpApp } from './http/http-app';
import { startMetricsServer } from './http/metrics.routes';
import { openIdempotencyStore } from './idempotency/open-idempotency-store';
import { ConnectionStateLog } from './observability/connection-state-log';
import { databasePoolStatistics } from './observability/database-pool';
import { createLogger, type Logger } from './observability/logger';
import type { Metrics } from './observability/metrics';
import { currentRequest } from './observability/request-scope';
import { loadTracing } from './observability/tracing';
import { RateLimiter } from './rate-limit/rate-limiter';
import { writeWebhookOutbox } from './webhook/webhook.service';
import { WebhookDeliveryWorker } from './webhook/webhook-delivery.worker';

export interface PoleGraphApp {
  config: AppConfig;
  express: Express;
  apollo: ApolloServer<GraphQLContext>;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** How many operations ran compiled by graphql-jit, and how many with graphql-js. */
  executionCounts(): ExecutionCounts;
  logger: Logger;
  readiness: Readiness;
  /** Null when METRICS=off. */
  metrics: Metrics | null;
  /** Subscriptions over WebSocket on the same port and path. */
  webSocket: WebSocketTransport;
  /** Where committed changes are published to subscribers (Redis or this process). */
  liveEvents: LiveEventBus;
  /** Sends the webhooks' outbox; null when WEBHOOK_DELIVER=false. */
  webhookWorker: WebhookDeliveryWorker | null;
  /** Starts listening; resolves once the port is bound (port 0 picks a free one). */
  listen(port?: number): Promise<{ server: Server; url: string }>;
  /**
   * The one stop path: `/readyz` turns 503, the listener closes, accepted requests finish
   * (within the grace period), then Apollo, Redis, tracing and the database close. Idempotent.
   */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** An already open data source (tests share one); otherwise one is opened from the config. */
  dataSource?: DataSource;
  /** Where log lines go (tests read them); a logger made from the config otherwise. */
  logger?: Logger;
}

/**
 * Composition only: config → database → features → GraphQL → HTTP. Builds the whole server
 * without listening, so tests can run it on a port of their own.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<PoleGraphApp> {
  const logger = options.logger ?? createLogger(config.process);
  const tracing = loadTracing(config.operations.otlpEndpoint);
  const dataSource =
    options.dataSource ??
    (await openDataSource(config.database.connection, {
      entities: ENTITIES,
      printStatements: config.process.logLevel === 'debug',
      limits: config.database,
    }));
  const databaseState = new ConnectionStateLog(logger, 'database');
  if (!options.dataSource) databaseState.up();
  const unsubscribe = sqlStatementLog(dataSource).subscribe((sql) => {
    const record = currentRequest();
    if (record) record.statements += 1;
    if (tracing.enabled) {
      tracing.startSpan('sql', { 'db.query.text': sql.slice(0, 2000) }).end();
    }
  });
  const schema = await buildPoleGraphSchema(SCHEMA_FEATURES);
  const rateLimiter = await RateLimiter.fromConfig(config);
  const idempotencyStore = await openIdempotencyStore(config, dataSource);
  const metrics = config.operations.metrics ? loadMetrics(dataSource) : null;
  const checks: ReadinessCheck[] = [
    {
      name: 'database',
      check: () => databaseState.watch(dataSource.query('SELECT 1').then(() => undefined)),
    },
  ];
  if (config.redis.url) checks.push({ name: 'redis', check: () => rateLimiter.ping() });
  const readiness = new Readiness(checks);
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = config.operations;
  const httpServer = createServer({
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
  });
  const gracefulStop = new GracefulStop(httpServer);
  // Every committed write (the unit of work's after-commit listeners) reaches subscribers, and
  // drops the reference tables it changed from every instance's memory.
  const liveEvents = await openLiveEventBus(config.redis);
  const { readCacheMs } = config.database;
  const hearsOtherWrites = () => liveEvents.hearsOtherWrites();
  const referenceTables = referenceTablesOf(dataSource, readCacheMs, hearsOtherWrites);
  const database = databaseOf(dataSource);
  const keptTotals = keptRows(readCacheMs, {
    dataVersion: () => database.dataVersion(),
    hearsOtherWrites,
  });
  liveEvents.onChangedTypes((typeNames) => {
    referenceTables.invalidate(typeNames);
    keptTotals.invalidate();
  });
  // Writes outside the units of work (tokens, webhook deliveries) change lists' totals too.
  // And where a data version tells commits (SQLite), it moves for this process's own as well.
  database.onCommit(() => {
    keptTotals.invalidate();
    keptTotals.committedHere();
    referenceTables.committedHere();
  });
  const afterCommit = [publishCommitted(liveEvents)];
  const tokenLookups = new TokenLookupCache(config.http.tokenCacheMs);
  // Every write also leaves its webhook deliveries in its own transaction (the outbox).
  const beforeCommit = [writeWebhookOutbox];
  const webhookUrlPolicy = {
    nodeEnv: config.process.nodeEnv,
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
  };
  // What every request's context is made from: the server's, made once.
  const contextDependencies: ContextDependencies = {
    dataSource,
    tokenLookups,
    referenceTables,
    keptTotals,
    beforeCommit,
    afterCommit,
    liveEvents,
    webhookUrlPolicy,
  };
  const contextOf = (request: ContextRequest) => createContext(contextDependencies, request);
  const webhookWorker = config.webhooks.deliver
    ? new WebhookDeliveryWorker({
        dataSource,
        schema,
        config: config.webhooks,
        policy: webhookUrlPolicy,
        logger,
      })
    : null;
  webhookWorker?.start();
  const trustedDocuments = trustedDocumentsOf(config.limits);
  const webSocket = startWebSocketTransport({
    config,
    schema,
    dataSource,
    rateLimiter,
    trustedDocuments,
    httpServer,
    createContext: contextOf,
  });
  const execution = new CompiledExecution({
    schema,
    enabled: config.execution.jit,
    cacheSize: config.execution.jitCacheSize,
    logger,
  });
  const heavyLane = new HeavyOperationLane(config.limits.maxConcurrentHeavyExecutions);
  metrics?.watchHeavyLane(() => heavyLane.state);
  metrics?.watchLiveEvents(hearsOtherWrites);
  metrics?.watchKeptReads({
    reference_tables: () => referenceTables.statistics(),
    totals: () => keptTotals.statistics(),
  });
  const apollo = await startApolloServer({
    config,
    schema,
    execution,
    heavyLane,
    rateLimiter,
    idempotencyStore,
    trustedDocuments,
    logger,
    tracing,
  });
  const app = createHttpApp({
    config,
    apollo,
    schema,
    createContext: contextOf,
    logger,
    readiness,
    metrics,
    tracing,
    rateLimiter,
  });
  // Each request is one database session: after it writes, its reads go to the primary.
  httpServer.on('request', (request, response) =>
    runInDatabaseSession(() => app(request, response)),
  );
  const metricsServer =
    metrics && config.operations.metricsPort !== null
      ? await startMetricsServer(metrics, config.operations.metricsPort)
      : null;

  let closing: Promise<void> | undefined;
  return {
    config,
    express: app,
    apollo,
    dataSource,
    schema,
    executionCounts: () => execution.counts,
    logger,
    readiness,
    metrics,
    webSocket,
    liveEvents,
    webhookWorker,
    listen(port = config.http.port) {
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
        readiness.markStopping();
        // Subscriptions end with 1001 (going away) before the HTTP drain cuts what is left.
        await webSocket.dispose();
        await gracefulStop.stop(config.operations.stopGracePeriodMs);
        await apollo.stop();
        // A delivery in flight ends (within its timeout); what is left waits in the outbox.
        await webhookWorker?.stop();
        await liveEvents.close();
        if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
        await rateLimiter.close();
        await idempotencyStore.close();
        unsubscribe();
        await tracing.shutdown();
        if (!options.dataSource) {
          await closeDataSource(dataSource);
          databaseState.closed();
        }
      })();
      return closing;
    },
  };
}

/**
 * prom-client is loaded only when metrics are on (it also loads OpenTelemetry's API facade for
 * its exemplars): METRICS=off costs nothing.
 */
function loadMetrics(dataSource: DataSource): Metrics {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Metrics } =
    require('./observability/metrics') as typeof import('./observability/metrics');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Metrics(() => databasePoolStatistics(dataSource));
}
