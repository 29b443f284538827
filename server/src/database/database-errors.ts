import { DomainError } from '../core/domain-error';

/** Server errors that mean "the statement overran its time budget". */
const TIMEOUT_ERRNOS = new Set([
  1969, // MariaDB ER_STATEMENT_TIMEOUT: max_statement_time exceeded
  3024, // MySQL ER_QUERY_TIMEOUT: max_execution_time exceeded
]);

/** Driver and socket codes that mean "the database cannot be reached or does not answer". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ACQUIRE_TIMEOUT',
]);

const UNAVAILABLE_MESSAGES = [
  /connection is in closed state/i,
  /pool is closed/i,
  /connection lost/i,
];

export const SERVICE_UNAVAILABLE_MESSAGE =
  'The database is unavailable or not answering; retry in a few seconds.';

export function queryTimeout(budgetMs: number): DomainError {
  return new DomainError(
    'QUERY_TIMEOUT',
    `The query took longer than its time budget of ${budgetMs} ms and was stopped; ` +
      'narrow the filter or ask for fewer rows.',
  );
}

export function serviceUnavailable(detail?: string): DomainError {
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    detail ? `${SERVICE_UNAVAILABLE_MESSAGE} (${detail})` : SERVICE_UNAVAILABLE_MESSAGE,
  );
}

/**
 * The domain error a database failure stands for (`QUERY_TIMEOUT`, `SERVICE_UNAVAILABLE`), or
 * `undefined` for any other failure (a bug: it stays internal). Looks through TypeORM's
 * `QueryFailedError` to the driver's error.
 */
export function classifyDatabaseError(error: unknown, budgetMs = 0): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  for (const candidate of candidates) {
    if (!candidate || typeof candidate !== 'object') continue;
    const { errno, code, message } = candidate as {
      errno?: unknown;
      code?: unknown;
      message?: unknown;
    };
    if (typeof errno === 'number' && TIMEOUT_ERRNOS.has(errno)) return queryTimeout(budgetMs);
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return serviceUnavailable(code);
    if (
      typeof message === 'string' &&
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
    )
      return serviceUnavailable();
  }
  return undefined;
}

/** Rethrows `error` as the domain error it stands for, or as it is. */
export function rethrowClassified(error: unknown, budgetMs = 0): never {
  throw classifyDatabaseError(error, budgetMs) ?? error;
}
