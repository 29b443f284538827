/**
 * Every code the server puts in an error's `extensions.code`, with what it means. The one list:
 * the schema emits it as `enum ErrorCode` (graphql/schema.ts) and the SDK generates its
 * `ServerErrorCode` from that enum, so a code added here reaches clients with its description.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT:
    'An argument or input value is not acceptable; `extensions.argumentPath` names it. Fix the request.',
  NOT_FOUND: 'The record asked for does not exist (or the caller may not know it exists).',
  UNAUTHENTICATED:
    'No valid token: the field needs one, or the token sent is malformed, unknown, expired or revoked.',
  FORBIDDEN: 'The caller’s token does not give the right to this field or record.',
  RATE_LIMITED:
    'The caller’s bucket of cost points is empty: wait `extensions.retryAfter` seconds (also in the `Retry-After` header).',
  QUERY_TOO_COMPLEX:
    'The operation goes over a limit (cost, depth, aliases, root fields, tokens); `extensions.limit`, `maximum` and `actual` say which. Nothing ran.',
  CONFLICT:
    'A retried request (same `Idempotency-Key`) is still running: wait and retry (HTTP 409).',
  QUERY_TIMEOUT: 'A database statement ran longer than the server allows; ask for less at a time.',
  SERVICE_UNAVAILABLE:
    'The database cannot be reached for now (HTTP 503 with `Retry-After`): try again later.',
  EVENTS_MISSED:
    'A subscription ended because its server could not hear the other servers’ changes for a while (Redis unreachable): events may have been missed. Re-read what you show, then subscribe again.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure of the server; in production the detail is masked.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED:
    'The document does not match the schema (unknown field, wrong variable type…).',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the server can read.',
  BATCH_TOO_LARGE: 'A batched (array) request holds more operations than `MAX_BATCH_SIZE`.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than `BODY_LIMIT`.',
  PERSISTED_QUERY_NOT_FOUND:
    'Automatic persisted queries: the server does not know this hash yet; send the document text with it.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'The server does not take persisted queries in this form.',
  PERSISTED_QUERY_NOT_IN_LIST:
    'Trusted-documents mode: the document is not one of the SDK’s persisted documents.',
} as const satisfies Record<string, string>;

/** A code of `ERROR_CODES`. */
export type ErrorCode = keyof typeof ERROR_CODES;
