/** Codes the PoleGraph server puts in `extensions.code` for its own (domain) errors. */
export type ServerErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** Codes the server gives a request it could not run at all. */
export type RequestErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** Trusted-documents mode: the document is not in the server's persisted-documents manifest. */
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  /** Too deep, too many aliases or root fields, or too costly: `details` names the limit. */
  | 'QUERY_TOO_COMPLEX';

/** Codes the SDK gives failures that came without one. */
export type TransportErrorCode =
  /** fetch itself failed: DNS, refused connection, reset… */
  | 'NETWORK_ERROR'
  /** HTTP 503, after the retries. */
  | 'SERVICE_UNAVAILABLE'
  /** Any other HTTP failure without a GraphQL error in its body. */
  | 'HTTP_ERROR'
  /** A body that is not a GraphQL response. */
  | 'BAD_RESPONSE';

/**
 * The code of a `PoleGraphError`. The known ones autocomplete; a server newer than this SDK may
 * send others, which come through unchanged.
 */
export type PoleGraphErrorCode =
  ServerErrorCode | RequestErrorCode | TransportErrorCode | (string & Record<never, never>);

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Readonly<Record<string, unknown>>;
}

/** What a mutation payload's `userErrors` entries have in common (each payload types its own union). */
export interface UserErrorLike {
  readonly code: string;
  readonly message: string;
  readonly field?: readonly string[] | null;
}

export interface PoleGraphErrorInit<TData> {
  message: string;
  code: PoleGraphErrorCode;
  path?: readonly (string | number)[];
  details?: Readonly<Record<string, unknown>>;
  errors?: readonly GraphQLErrorEntry[];
  userErrors?: readonly UserErrorLike[];
  data?: TData | null;
  status?: number;
  operationName?: string;
  cause?: unknown;
}

/**
 * Every failure of a PoleGraph call: GraphQL errors, `userErrors` of a mutation, HTTP failures
 * and network failures. `code` says what happened; `data` keeps whatever part of the result
 * the server could still compute.
 */
export class PoleGraphError<TData = unknown> extends Error {
  /** What happened, e.g. `BAD_USER_INPUT`, `UNAUTHENTICATED`, `RATE_LIMITED`. */
  readonly code: PoleGraphErrorCode;
  /** Where in the result the first error happened, e.g. `['poles']`. */
  readonly path: readonly (string | number)[] | undefined;
  /**
   * What else the server said: the error's other `extensions` (such as `argumentPath`, the
   * offending argument), or for HTTP failures `retryAfterMs` and `body`.
   */
  readonly details: Readonly<Record<string, unknown>>;
  /** Every GraphQL error of the response (the first one gives `code`, `path` and `details`). */
  readonly errors: readonly GraphQLErrorEntry[];
  /** The mutation's `userErrors`, when they caused the failure. */
  readonly userErrors: readonly UserErrorLike[];
  /** The partial result: fields that failed are null, the others are there. */
  readonly data: TData | null | undefined;
  /** The HTTP status, when a response came. */
  readonly status: number | undefined;
  /** The operation that failed. */
  readonly operationName: string | undefined;

  constructor(init: PoleGraphErrorInit<TData>) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PoleGraphError';
    this.code = init.code;
    this.path = init.path;
    this.details = init.details ?? {};
    this.errors = init.errors ?? [];
    this.userErrors = init.userErrors ?? [];
    this.data = init.data;
    this.status = init.status;
    this.operationName = init.operationName;
  }
}

/** True when `error` is a `PoleGraphError`, with this `code` if one is given. */
export function isPoleGraphError(
  error: unknown,
  code?: PoleGraphErrorCode,
): error is PoleGraphError {
  return error instanceof PoleGraphError && (code === undefined || error.code === code);
}

function prefixed(operationName: string | undefined, message: string): string {
  return operationName ? `${operationName}: ${message}` : message;
}

/** One `PoleGraphError` for a response whose `errors` is not empty. */
export function errorFromGraphQLErrors<TData>(
  errors: readonly GraphQLErrorEntry[],
  context: {
    data?: TData | null;
    status?: number;
    operationName?: string;
    /** Added to the first error's extensions, e.g. `retryAfterMs` from the HTTP response. */
    details?: Readonly<Record<string, unknown>>;
  },
): PoleGraphError<TData> {
  const [first] = errors;
  const { code, ...extensions } = first.extensions ?? {};
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new PoleGraphError<TData>({
    message: prefixed(context.operationName, first.message + more),
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    path: first.path,
    details: { ...extensions, ...context.details },
    errors,
    data: context.data,
    status: context.status,
    operationName: context.operationName,
  });
}

/** One `PoleGraphError` for a payload's `userErrors`; its code is the first one's. */
export function errorFromUserErrors<TData>(
  userErrors: readonly UserErrorLike[],
  context: { data?: TData | null; operationName?: string; path?: readonly (string | number)[] },
): PoleGraphError<TData> {
  const [first] = userErrors;
  const more = userErrors.length > 1 ? ` (and ${userErrors.length - 1} more)` : '';
  return new PoleGraphError<TData>({
    message: prefixed(context.operationName, `${first.message}${more}`),
    code: first.code,
    path: context.path,
    details: first.field ? { field: first.field } : {},
    userErrors,
    data: context.data,
    operationName: context.operationName,
  });
}

function isUserErrorList(value: unknown): value is readonly UserErrorLike[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { code?: unknown }).code === 'string' &&
        typeof (entry as { message?: unknown }).message === 'string',
    )
  );
}

/**
 * The first payload of a mutation's `data` that carries `userErrors`, with its root field, or
 * undefined when no payload reports any.
 */
export function findUserErrors(
  data: unknown,
): { field: string; userErrors: readonly UserErrorLike[] } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  for (const [field, payload] of Object.entries(data)) {
    if (typeof payload !== 'object' || payload === null) continue;
    const userErrors = (payload as { userErrors?: unknown }).userErrors;
    if (isUserErrorList(userErrors) && userErrors.length > 0) return { field, userErrors };
  }
  return undefined;
}

/**
 * Throws a `PoleGraphError` when a mutation payload reports `userErrors`, so a script cannot
 * go on as if the change had been made. Use it where the client's `throwOnUserErrors` is off;
 * past it, TypeScript knows the payload is there.
 *
 * @example
 * const { createProject } = await client.request(CreateProject, { input }, { throwOnUserErrors: false });
 * if (createProject.userErrors.some((error) => error.code === 'CONFLICT')) return retryLater();
 * assertNoUserErrors(createProject);
 */
export function assertNoUserErrors<
  TPayload extends { readonly userErrors: readonly UserErrorLike[] },
>(payload: TPayload | null | undefined, operationName?: string): asserts payload is TPayload {
  if (payload === null || payload === undefined) {
    throw new PoleGraphError({
      message: prefixed(operationName, 'the mutation returned no payload'),
      code: 'BAD_RESPONSE',
      operationName,
    });
  }
  if (payload.userErrors.length > 0) {
    throw errorFromUserErrors(payload.userErrors, { data: payload, operationName });
  }
}
