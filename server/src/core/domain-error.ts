/** The codes our API answers with in `extensions.code`; the SDK maps them one to one. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** A statement overran its time budget (MAX_STATEMENT_MS); the server goes on answering. */
  | 'QUERY_TIMEOUT'
  /** The database is unreachable or timed out connecting: retry later (HTTP 503 + Retry-After). */
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An expected failure, thrown by services with a code and a message a person understands.
 * `argumentPath` names the offending argument or input field (e.g. ['filter', 'region']).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly argumentPath: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badUserInput = (message: string, argumentPath: readonly string[] = []) =>
  new DomainError('BAD_USER_INPUT', message, argumentPath);
