import { ServerErrorCode } from './generated/error-codes.js';

export { ServerErrorCode };

/** Codes the SDK gives failures that came without one. */
export type TransportErrorCode =
  /** fetch itself failed: DNS, refused connection, reset… */
  | 'NETWORK_ERROR'
  /** The caller's `signal` aborted the call (or a wait before a retry); `cause` is its reason. */
  | 'ABORTED'
  /** `request()` was given something that is not a GraphQL document (or string) it can send. */
  | 'INVALID_DOCUMENT'
  /** Any other HTTP failure without a GraphQL error in its body. */
  | 'HTTP_ERROR'
  /** A body that is not a GraphQL response (or an export line that is not JSON). */
  | 'BAD_RESPONSE'
  /** `verifyWebhook`: a delivery whose signature, timestamp or headers do not check out. */
  | 'INVALID_SIGNATURE';

/**
 * The code of a `PoleGraphError`. The known ones autocomplete; a server newer than this SDK may
 * send others, which come through unchanged.
 */
export type PoleGraphErrorCode =
  ServerErrorCode | TransportErrorCode | (string & Record<never, never>);

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
  path?: readonly (string | number)[] | undefined;
  details?: Readonly<Record<string, unknown>> | undefined;
  errors?: readonly GraphQLErrorEntry[] | undefined;
  userErrors?: readonly UserErrorLike[] | undefined;
  data?: TData | null | undefined;
  status?: number | undefined;
  operationName?: string | undefined;
  cause?: unknown;
}

/**
 * The mark every `PoleGraphError` carries. `Symbol.for` gives the same symbol in every copy of
 * the SDK loaded in a process (its ESM and CommonJS builds, two installed versions), so
 * `isPoleGraphError` and `instanceof PoleGraphError` recognise errors thrown by any of them.
 */
const POLEGRAPH_ERROR_BRAND = Symbol.for('@polegraph/client.PoleGraphError');

/**
 * Every failure of a PoleGraph call: GraphQL errors, `userErrors` of a mutation, HTTP failures
 * and network failures. `code` says what happened; `data` keeps whatever part of the result
 * the server could still compute.
 */
export class PoleGraphError<TData = unknown> extends Error {
  /** Recognises errors of any build of the SDK by their brand, not their prototype chain. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[POLEGRAPH_ERROR_BRAND] === true
    );
  }

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
    Object.defineProperty(this, POLEGRAPH_ERROR_BRAND, { value: true });
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

/**
 * True when `error` is a `PoleGraphError` (from any build of the SDK: ESM, CommonJS, another
 * installed copy), with this `code` if one is given.
 */
export function isPoleGraphError(
  error: unknown,
  code?: PoleGraphErrorCode,
): error is PoleGraphError {
  // `instanceof` goes through the brand check of `Symbol.hasInstance` above.
  return error instanceof PoleGraphError && (code === undefined || error.code === code);
}

function prefixed(operationName: string | undefined, message: string): string {
  return operationName ? `${operationName}: ${message}` : message;
}

/** One `PoleGraphError` for a response whose `errors` is not empty. */
export function errorFromGraphQLErrors<TData>(
  errors: readonly GraphQLErrorEntry[],
  context: {
    data?: TData | null | undefined;
    status?: number | undefined;
    operationName?: string | undefined;
    /** Added to the first error's extensions, e.g. `retryAfterMs` from the HTTP response. */
    details?: Readonly<Record<string, unknown>> | undefined;
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
  context: {
    data?: TData | null | undefined;
    operationName?: string | undefined;
    path?: readonly (string | number)[] | undefined;
  },
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
 * const { changeProjectStatus } = await client.changeProjectStatus(input, { throwOnUserErrors: false });
 * if (changeProjectStatus.userErrors.some((error) => error.code === 'STALE_VERSION')) return readAgain();
 * assertNoUserErrors(changeProjectStatus); // throws the others: INVALID, FORBIDDEN_TRANSITION…
 */
export function assertNoUserErrors<
  TPayload extends { readonly userErrors: readonly UserErrorLike[] },
>(
  payload: TPayload | null | undefined,
  operationName?: string | undefined,
): asserts payload is TPayload {
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
