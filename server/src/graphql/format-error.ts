import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

import { DomainError } from '../core/domain-error';

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
]);

/**
 * The one place where errors become what callers see: domain errors keep their code and
 * message; anything unexpected keeps only a generic message in production. Stack traces never
 * leave the server (Apollo's `includeStacktraceInErrorResponses` is off).
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original.argumentPath.length > 0) extensions.argumentPath = original.argumentPath;
      return { ...formatted, message: original.message, extensions };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (SAFE_CODES.has(code) || !production) {
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    return {
      message: 'Internal server error: the failure was logged, please retry or report it.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
