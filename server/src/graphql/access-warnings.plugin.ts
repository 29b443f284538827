import type { ApolloServerPlugin } from '@apollo/server';

import type { GraphQLContext } from './context';

/**
 * Puts the warnings the permission policy raised while reading (a filter on data hidden from
 * the caller: `FILTER_ON_HIDDEN_DATA`) into `extensions.warnings`, so a caller knows why a
 * filter matched less than it might expect.
 */
export function accessWarningsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, response }) {
          const warnings = contextValue.access?.warnings ?? [];
          if (warnings.length === 0 || response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, warnings: [...warnings] };
          return Promise.resolve();
        },
      });
    },
  };
}
