import type { ApolloServerPlugin } from '@apollo/server';

import { currentRequest } from '../observability/request-scope';
import type { Tracing } from '../observability/tracing';
import type { GraphQLContext } from './context';

/**
 * Tells the request's record (http/request-log.ts writes it) what only GraphQL knows: the
 * operation, the caller (token name and role, never the token) and the codes of the errors
 * answered; and spans the operation when tracing is on.
 */
export function requestObservationPlugin(tracing: Tracing): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = currentRequest();
      const { caller } = contextValue;
      if (record) {
        record.caller =
          caller.kind === 'token'
            ? { name: caller.name, role: caller.role }
            : { name: 'anonymous' };
      }
      let span: ReturnType<Tracing['startSpan']> | undefined;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (record) record.operationName = operationName ?? undefined;
          const type = operation?.operation ?? 'operation';
          span = tracing.startSpan(`graphql.${type}`, {
            'graphql.operation.type': type,
            'graphql.operation.name': operationName ?? '',
          });
        },
        async willSendResponse({ response }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (record && errors) {
            for (const error of errors)
              record.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          }
          span?.end(errors && errors.length > 0 ? errors[0].message : undefined);
        },
      };
    },
  };
}
