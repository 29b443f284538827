import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { DomainError, type ErrorCode } from '../core/domain-error';
import type { Logger } from '../observability/logger';
import type { GraphQLContext } from './context';

/** Codes whose messages were written for the caller and may always be shown. */
const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // A missing, malformed, unknown, expired or revoked token: the caller must know which.
  'UNAUTHENTICATED',
  // Abuse protection (graphql/limits, rate-limit, trusted-documents): refusals written for the caller.
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  // Service conditions: the caller should retry (503 + Retry-After) or simplify its request.
  'SERVICE_UNAVAILABLE',
  'QUERY_TIMEOUT',
]);

/** What a caller is told to wait before retrying when the database is out of reach. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

const MASKED_MESSAGE = 'Internal server error: the failure was logged, please retry or report it.';

/**
 * The HTTP answer a domain error calls for when it stops the whole request (e.g. in context
 * creation) or, for SERVICE_UNAVAILABLE, whenever it occurs: 503 + Retry-After, which the
 * SDK and proxies retry.
 */
export function httpStatusOf(code: ErrorCode | string): { status: number; retryAfter?: number } {
  if (code === 'SERVICE_UNAVAILABLE') {
    return { status: 503, retryAfter: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS };
  }
  return { status: 500 };
}

/**
 * Whether an error is a failure nobody wrote a message for: not a domain error, not one of
 * the coded refusals of GraphQL, Apollo or our limits. These are masked in production and
 * logged once, with their stack.
 */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return false;
  if (error instanceof GraphQLError && error.originalError instanceof DomainError) return false;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return code === undefined || code === 'INTERNAL_SERVER_ERROR';
}

/**
 * The one place where errors become what callers see: domain errors keep their code and
 * message; anything unexpected keeps only a generic message in production. Stack traces never
 * leave the server (Apollo's `includeStacktraceInErrorResponses` is off). The request id,
 * when known, stays in `extensions.requestId` so a caller can quote it.
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = formatted.extensions?.requestId;
    const withId = (extensions: Record<string, unknown>) =>
      requestId === undefined ? extensions : { ...extensions, requestId };
    const original = unwrapResolverError(error);
    const domainError =
      original instanceof DomainError
        ? original
        : original instanceof GraphQLError && original.originalError instanceof DomainError
          ? original.originalError
          : null;
    if (domainError) {
      const extensions: Record<string, unknown> = { code: domainError.code };
      if (domainError.argumentPath.length > 0) extensions.argumentPath = domainError.argumentPath;
      return { ...formatted, message: domainError.message, extensions: withId(extensions) };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (SAFE_CODES.has(code) || !production) {
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    return {
      message: MASKED_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: withId({ code: 'INTERNAL_SERVER_ERROR' }),
    };
  };
}

/** Logs one unexpected error, with its stack and the request it broke. */
export function logUnexpected(
  logger: Logger,
  error: unknown,
  details: { requestId: string; operation?: string | null; path?: readonly (string | number)[] },
): void {
  const original = unwrapResolverError(error);
  const cause =
    error instanceof GraphQLError && error.originalError ? error.originalError : original;
  logger.error(
    {
      requestId: details.requestId,
      ...(details.operation && { operation: details.operation }),
      ...(details.path && { path: details.path.join('.') }),
      err: cause,
    },
    'unexpected error',
  );
}

/** Errors of the request document or variables, answered before anything runs. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

function acceptsOnlyLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  return (
    accept.includes('application/json') && !accept.includes('application/graphql-response+json')
  );
}

/**
 * Reports the errors of each GraphQL request: every unexpected one is logged once with its
 * stack and request id; each error's `extensions.requestId` is set; an answer carrying
 * SERVICE_UNAVAILABLE becomes HTTP 503 with Retry-After.
 */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              logUnexpected(logger, error, {
                requestId: contextValue.requestId,
                operation: operationName,
                path: error.path,
              });
            }
          }
        },
        async willSendResponse({ contextValue, request, response }) {
          if (response.body.kind !== 'single') return;
          if (
            response.http.status === 400 &&
            acceptsOnlyLegacyJson(request.http?.headers.get('accept'))
          ) {
            // GraphQL over HTTP: a client of the legacy `application/json` type gets request
            // errors (parse, validation, variables) with 200, as it has no other way to read them.
            const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
            if (codes.length > 0 && codes.every((code) => REQUEST_ERROR_CODES.has(String(code)))) {
              response.http.status = 200;
            }
          }
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
          const unavailable = errors.some(
            (error) => error.extensions?.code === 'SERVICE_UNAVAILABLE',
          );
          if (unavailable) {
            const { status, retryAfter } = httpStatusOf('SERVICE_UNAVAILABLE');
            response.http.status = status;
            response.http.headers.set('retry-after', String(retryAfter));
          }
        },
      };
    },
  };
}

/**
 * An error thrown while building a request's context (authentication reads the database) as
 * the GraphQLError Apollo answers: domain errors keep their code with their HTTP status
 * (SERVICE_UNAVAILABLE: 503 + Retry-After); coded GraphQL errors (UNAUTHENTICATED) keep
 * theirs; anything else is logged here, once, and answered 500.
 */
export function contextCreationError(
  error: unknown,
  requestId: string,
  logger: Logger,
): GraphQLError {
  if (error instanceof DomainError) {
    const { status, retryAfter } = httpStatusOf(error.code);
    const headers = new HeaderMap();
    if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
    return new GraphQLError(error.message, {
      originalError: error,
      extensions: { code: error.code, requestId, http: { status, headers } },
    });
  }
  if (error instanceof GraphQLError && !isUnexpected(error)) {
    return new GraphQLError(error.message, {
      originalError: error.originalError ?? undefined,
      extensions: { ...error.extensions, requestId },
    });
  }
  logUnexpected(logger, error, { requestId });
  return new GraphQLError(error instanceof Error ? error.message : String(error), {
    originalError: error instanceof Error ? error : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } },
  });
}
