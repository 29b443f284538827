import type { TypedDocumentNode } from './typed-document.js';

/** Options of one call, on top of the client's. */
export interface RequestOptions {
  /** Cancels the request, and any wait before a retry. */
  signal?: AbortSignal | undefined;
  /** Headers for this call only; they win over the client's. */
  headers?: Record<string, string> | undefined;
  /**
   * The `Idempotency-Key` of a mutation, sent on every attempt of this call. The client makes
   * a random one for each mutation call when none is given; give your own to keep it across
   * runs of a script (a key the server saw in the last 24 h answers the first result again).
   */
  idempotencyKey?: string | undefined;
  /**
   * Throw a `PoleGraphError` when a mutation's payload carries `userErrors`.
   * @default the client's `throwOnUserErrors` (true)
   */
  throwOnUserErrors?: boolean | undefined;
}

/** Sends a typed document and resolves with its `data`; the generated operations call it. */
export type Requester = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  options?: RequestOptions,
) => Promise<TResult>;

/**
 * The arguments after the document: variables may be left out when the document requires none.
 */
// `{} extends T` is the idiom for "every property of T is optional"; `object` would not do.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type RequestArguments<TVariables> = {} extends TVariables
  ? [variables?: TVariables, options?: RequestOptions]
  : [variables: TVariables, options?: RequestOptions];
