import { type Client, createClient as createWebSocketClient } from 'graphql-ws';

import { prepareDocument } from './document-text.js';
import { errorFromGraphQLErrors, type GraphQLErrorEntry, PoleGraphError } from './errors.js';
import type { TypedDocumentNode } from './typed-document.js';

type MaybePromise<T> = T | Promise<T>;

/** How `client.subscribe` connects and reconnects (GraphQL over WebSocket, `graphql-ws`). */
export interface LiveOptions {
  /**
   * The WebSocket endpoint.
   * @default the client's `url` with `http` → `ws` (`https://host/graphql` → `wss://host/graphql`)
   */
  url?: string | undefined;
  /**
   * A WebSocket implementation, for runtimes without a global one (Node 20: `ws`'s default
   * export).
   * @default globalThis.WebSocket
   */
  webSocketImpl?: unknown;
  /**
   * Reconnections tried in a row after the connection dropped; every running subscription is
   * subscribed again on the new connection. Closes the server means for good (4401 revoked or
   * expired token, 4429 too many connections, 4400 bad request) are not retried.
   * @default Infinity
   */
  retryAttempts?: number | undefined;
  /** @default 500 (ms), doubled on each attempt in a row, with jitter */
  minDelayMs?: number | undefined;
  /** @default 30000 (ms) */
  maxDelayMs?: number | undefined;
}

/**
 * The events of one subscription, typed by its document: `for await` reads them as they come;
 * `return()` (or `break`) ends the subscription cleanly.
 */
export interface LiveSubscription<TResult> extends AsyncIterableIterator<TResult> {
  return(): Promise<IteratorResult<TResult, undefined>>;
}

/** Starts a subscription; the generated subscription methods call it. */
export type Subscriber = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
) => LiveSubscription<TResult>;

export interface LiveConnection {
  subscribe: Subscriber;
  /** Ends every subscription and closes the socket. */
  dispose(): Promise<void>;
}

/** The WebSocket URL of a GraphQL endpoint. */
export function webSocketUrlOf(url: string): string {
  return url.replace(/^http(s?):\/\//i, (_match, secure: string) => `ws${secure}://`);
}

/**
 * One lazily opened connection per client: opened at the first subscription, closed when the
 * last one ends, reopened with backoff when it drops.
 */
export function createLiveConnection(
  endpoint: string,
  token: () => MaybePromise<string | null | undefined>,
  options: LiveOptions = {},
): LiveConnection {
  let client: Client | undefined;
  const minDelayMs = options.minDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const connection = (): Client =>
    (client ??= createWebSocketClient({
      url: options.url ?? webSocketUrlOf(endpoint),
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      lazy: true,
      // Read at every (re)connection, so a renewed token is picked up.
      connectionParams: async () => {
        const current = await token();
        return current ? { authorization: `Bearer ${current}` } : {};
      },
      retryAttempts: options.retryAttempts ?? Infinity,
      retryWait: (retries) => {
        const delay = Math.min(maxDelayMs, minDelayMs * 2 ** retries);
        return new Promise((resolve) =>
          setTimeout(resolve, delay / 2 + Math.random() * (delay / 2)),
        );
      },
      // A dropped socket (no close frame) is retried as well as a close event.
      shouldRetry: () => true,
    }));

  const subscribe: Subscriber = <TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables | undefined,
  ): LiveSubscription<TResult> => {
    const prepared = prepareDocument(document as unknown as TypedDocumentNode<unknown, never>);
    if (prepared.operationType !== 'subscription') {
      throw new PoleGraphError({
        message: `subscribe: ${prepared.operationName ?? 'the document'} is a ${prepared.operationType}, not a subscription`,
        code: 'INVALID_DOCUMENT',
      });
    }
    const events = connection().iterate<TResult>({
      query: prepared.query,
      ...(prepared.operationName ? { operationName: prepared.operationName } : {}),
      ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    });
    const iterator: LiveSubscription<TResult> = {
      async next() {
        let event: IteratorResult<{
          data?: TResult | null | undefined;
          errors?: readonly unknown[] | undefined;
        }>;
        try {
          event = await events.next();
        } catch (error) {
          throw liveError(error, prepared.operationName);
        }
        if (event.done) return { value: undefined, done: true };
        const { data, errors } = event.value;
        // Restricted fields outside the token's scope come as null with a FORBIDDEN error:
        // the event is still delivered; an event without data is a failure.
        if (data === undefined || data === null) {
          throw errorFromGraphQLErrors((errors ?? []) as GraphQLErrorEntry[], {
            operationName: prepared.operationName,
          });
        }
        return { value: data, done: false };
      },
      async return() {
        await events.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };

  return {
    subscribe,
    async dispose() {
      await client?.dispose();
      client = undefined;
    },
  };
}

/** A subscription's failure as a `PoleGraphError`: GraphQL errors, or the socket's close. */
function liveError(error: unknown, operationName: string | undefined): PoleGraphError {
  if (error instanceof PoleGraphError) return error;
  if (Array.isArray(error)) {
    return errorFromGraphQLErrors(error as GraphQLErrorEntry[], { operationName });
  }
  const close = error as { code?: number; reason?: string } | null;
  if (close && typeof close.code === 'number') {
    return new PoleGraphError({
      message:
        `${operationName ?? 'subscription'}: the connection closed (${close.code} ${close.reason ?? ''})`.trim(),
      code:
        close.code === 4401
          ? 'UNAUTHENTICATED'
          : close.code === 4429
            ? 'RATE_LIMITED'
            : 'NETWORK_ERROR',
      details: { closeCode: close.code, reason: close.reason },
      cause: error,
    });
  }
  return new PoleGraphError({
    message: `${operationName ?? 'subscription'}: ${error instanceof Error ? error.message : String(error)}`,
    code: 'NETWORK_ERROR',
    cause: error,
  });
}
