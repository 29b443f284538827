import { createHash } from 'node:crypto';

import type { ApolloServerPlugin } from '@apollo/server';

import type { GraphQLContext } from './context';

/** Anonymous answers may be kept by browsers and shared caches, which must ask again each time. */
const PUBLIC_ANSWER = 'public, max-age=0, must-revalidate';
/** Answers for a token, writes and failures are kept by no one. */
const NOT_STORED = 'private, no-store';

/**
 * `Cache-Control` and `ETag` that make sense for each answer. An anonymous query answered
 * without errors is public. Over GET, the one method caches and conditional requests serve, it
 * also gets a validator: the hash of its `data` alone, so that the same data gives the same ETag
 * whatever the caller's live budget in `extensions.cost` (which changes with every request, and
 * is also in the `X-RateLimit-*` headers); a GET with a matching `If-None-Match` is answered 304
 * by Express. A POST gets none: no cache stores its answer and `If-None-Match` does not make it
 * a 304, so hashing its data (a second serialisation of the whole answer) would serve no one.
 * Everything else (a token's answers, which depend on its rights; mutations; errors) is
 * `no-store`.
 */
export function httpCachingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, request, response, operation }) {
          const { headers } = response.http;
          const body = response.body;
          const publicAnswer =
            contextValue.caller.kind === 'anonymous' &&
            operation?.operation === 'query' &&
            body.kind === 'single' &&
            !body.singleResult.errors &&
            body.singleResult.data !== undefined &&
            (response.http.status ?? 200) === 200;
          // The answer depends on who asks; http/graphql-endpoint.ts adds Accept-Encoding.
          headers.set('vary', 'Authorization');
          if (!publicAnswer) {
            headers.set('cache-control', NOT_STORED);
            return Promise.resolve();
          }
          headers.set('cache-control', PUBLIC_ANSWER);
          if (request.http?.method !== 'GET') return Promise.resolve();
          const digest = createHash('sha256')
            .update(JSON.stringify(body.singleResult.data))
            .digest('base64url');
          headers.set('etag', `W/"${digest.slice(0, 32)}"`);
          return Promise.resolve();
        },
      });
    },
  };
}
