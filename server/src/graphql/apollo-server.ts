import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';

import type { AppConfig } from '../config/config';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import type { Logger } from '../observability/logger';
import type { Tracing } from '../observability/tracing';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import { accessWarningsPlugin } from './access-warnings.plugin';
import type { CompiledExecution } from './compiled-execution';
import type { GraphQLContext } from './context';
import { createErrorFormatter, errorReportingPlugin } from './format-error';
import { httpCachingPlugin } from './http-caching.plugin';
import { idempotencyPlugin } from './idempotency.plugin';
import { playgroundApolloPlugins } from './landing-page.plugins';
import { abuseProtectionPlugin } from './limits/abuse-protection.plugin';
import type { HeavyOperationLane } from './limits/heavy-operation-lane';
import { requestObservationPlugin } from './request-observation.plugin';
import type { TrustedDocuments } from './trusted-documents/trusted-documents';

export interface ApolloServerDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  /** How operations run: graphql-jit or graphql-js, over `schema` (Apollo's gateway seam). */
  execution: CompiledExecution;
  rateLimiter: RateLimiter;
  logger: Logger;
  tracing: Tracing;
  /** Where `Idempotency-Key` records live. */
  idempotencyStore: IdempotencyStore;
  /** The persisted-documents manifest when TRUSTED_DOCUMENTS is on (shared with WebSocket). */
  trustedDocuments: TrustedDocuments | null;
  /** Where heavy operations take turns. */
  heavyLane: HeavyOperationLane;
}

/** Apollo Server with our error masking, limits and plugins; started, not yet mounted. */
export async function startApolloServer({
  config,
  schema,
  execution,
  rateLimiter,
  logger,
  tracing,
  idempotencyStore,
  trustedDocuments,
  heavyLane,
}: ApolloServerDependencies): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    // Apollo 5 has no `executor` option: a gateway serving `schema` is how queries run compiled.
    gateway: execution,
    logger: logger.child({ component: 'apollo' }),
    formatError: createErrorFormatter(config.process.nodeEnv === 'production'),
    includeStacktraceInErrorResponses: false,
    introspection: config.http.introspection,
    // Arrays of operations; their length is checked by batchSizeLimit before Apollo sees them.
    allowBatchedHttpRequests: config.http.maxBatchSize > 0,
    // Bounds parsing and validation (which grow faster than the document) before any limit runs.
    parseOptions: { maxTokens: config.limits.maxQueryTokens },
    // The process has one stop path (main.ts → app.close(), which drains HTTP itself: see
    // http/graceful-stop.ts); Apollo must not add its own.
    stopOnTerminationSignals: false,
    plugins: [
      // Unexpected errors logged once, request ids in errors, 503 for SERVICE_UNAVAILABLE.
      errorReportingPlugin(logger),
      // Operation, caller and error codes for the request's log line and metrics.
      requestObservationPlugin(tracing),
      // We send no cache hints; Apollo's cache-control plugin would still wrap every field
      // resolver (willResolveField), measured at about a third of a big query's time.
      ApolloServerPluginCacheControlDisabled(),
      ...playgroundApolloPlugins(config.http),
      // Trusted documents, depth/alias/root-field/cost limits and the rate limit (graphql/limits).
      abuseProtectionPlugin({
        schema,
        limits: config.limits,
        rateLimiter,
        trustedDocuments,
        heavyLane,
      }),
      // `extensions.warnings`: filters on data hidden from the caller (auth/access-scope.ts).
      accessWarningsPlugin(),
      // After the limits: a retry is costed and rate limited like its first request.
      idempotencyPlugin(idempotencyStore),
      // Cache-Control for every answer; a stable ETag (of `data`) for anonymous public ones.
      httpCachingPlugin(),
    ],
  });
  await apollo.start();
  return apollo;
}
