import type { Server } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';

import type { AppConfig } from '../config/config';
import type { RateLimiter } from '../rate-limit/rate-limiter';
import type { GraphQLContext } from './context';
import { createErrorFormatter } from './format-error';
import { playgroundApolloPlugins } from './landing-page.plugins';
import { abuseProtectionPlugin } from './limits/abuse-protection.plugin';
import { TrustedDocuments } from './trusted-documents/trusted-documents';

export interface ApolloServerDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  rateLimiter: RateLimiter;
  /** The HTTP server Apollo drains on stop. */
  httpServer: Server;
  /** Other transports on the same server (WebSocket), closed when Apollo stops. */
  drainOnStop?: readonly (() => Promise<void>)[];
}

/** Apollo Server with our error masking, limits and plugins; started, not yet mounted. */
export async function startApolloServer({
  config,
  schema,
  rateLimiter,
  httpServer,
  drainOnStop = [],
}: ApolloServerDependencies): Promise<ApolloServer<GraphQLContext>> {
  const trustedDocuments =
    config.trustedDocuments === 'off'
      ? null
      : TrustedDocuments.load(config.trustedDocuments, config.trustedDocumentsManifest);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError: createErrorFormatter(config.nodeEnv === 'production'),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // Arrays of operations; their length is checked by batchSizeLimit before Apollo sees them.
    allowBatchedHttpRequests: config.maxBatchSize > 0,
    // Bounds parsing and validation (which grow faster than the document) before any limit runs.
    parseOptions: { maxTokens: config.maxQueryTokens },
    // The process has one stop path (main.ts → app.close()); Apollo must not add its own.
    stopOnTerminationSignals: false,
    plugins: [
      // Lets in-flight requests finish when the server stops.
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The WebSocket server (subscriptions) stops with it.
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await Promise.all(drainOnStop.map((drain) => drain()));
            },
          };
        },
      },
      // We send no cache hints; Apollo's cache-control plugin would still wrap every field
      // resolver (willResolveField), measured at about a third of a big query's time.
      ApolloServerPluginCacheControlDisabled(),
      ...playgroundApolloPlugins(config),
      // Trusted documents, depth/alias/root-field/cost limits and the rate limit (graphql/limits).
      abuseProtectionPlugin({ schema, limits: config, rateLimiter, trustedDocuments }),
    ],
  });
  await apollo.start();
  return apollo;
}
