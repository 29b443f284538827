import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveResult<TData> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** One subscription's results as they arrive, awaited one by one. */
export interface LiveSubscription<TData> {
  /** The next result, or a rejection after `timeoutMs` (or when the subscription fails). */
  next(timeoutMs?: number): Promise<LiveResult<TData>>;
  /** Resolves (true) if a result arrives within `ms`; false otherwise, leaving it queued. */
  receivesWithin(ms: number): Promise<boolean>;
  /** Stops the subscription. */
  stop(): void;
}

export interface LiveClient {
  client: Client;
  subscribe<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<LiveSubscription<TData>>;
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged the connection. */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client over a real socket, as a subscriber would connect: the token in
 * connectionParams, no retry (tests want to see close codes).
 */
export function connectLive(
  httpUrl: string,
  authorization: { authorization: string } | undefined,
  /** How many subscriptions the server has started listening with (its live event bus). */
  listenersAdded: () => number,
): LiveClient {
  let closedWith: (value: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  let acknowledged: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ?? {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closedWith({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    connected,
    async subscribe<TData>(query: string, variables: Record<string, unknown> = {}) {
      const listenersBefore = listenersAdded();
      const queue: LiveResult<TData>[] = [];
      const waiting: ((result: LiveResult<TData> | Error) => void)[] = [];
      let failure: Error | null = null;
      const push = (item: LiveResult<TData> | Error) => {
        const waiter = waiting.shift();
        if (waiter) waiter(item);
        else if (item instanceof Error) failure = item;
        else queue.push(item);
      };
      const stop = client.subscribe<TData>(
        { query, variables },
        {
          next: (result) => push(result as LiveResult<TData>),
          // An error message ends the subscription: its errors' messages, and their codes.
          error: (error) => {
            const entries = Array.isArray(error)
              ? (error as { message: string; extensions?: { code?: unknown } }[])
              : undefined;
            const failed = new Error(
              entries
                ? entries.map((entry) => entry.message).join('; ')
                : error instanceof Error
                  ? error.message
                  : `closed ${(error as { code?: number }).code ?? ''}`,
            );
            push(Object.assign(failed, { codes: entries?.map((entry) => entry.extensions?.code) }));
          },
          complete: () => undefined,
        },
      );
      // The subscription listens once the server has run its `subscribe` (a database read):
      // wait for its listener to appear rather than for an arbitrary delay.
      const deadline = Date.now() + 5000;
      while (
        listenersAdded() <= listenersBefore &&
        queue.length === 0 &&
        !failure &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const take = (timeoutMs: number) =>
        new Promise<LiveResult<TData>>((resolve, reject) => {
          if (failure) return reject(failure);
          const queued = queue.shift();
          if (queued) return resolve(queued);
          const timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(waiter), 1);
            reject(new Error(`No event within ${timeoutMs} ms`));
          }, timeoutMs);
          const waiter = (item: LiveResult<TData> | Error) => {
            clearTimeout(timer);
            if (item instanceof Error) reject(item);
            else resolve(item);
          };
          waiting.push(waiter);
        });
      return {
        next: (timeoutMs = 5000) => take(timeoutMs),
        async receivesWithin(ms: number) {
          if (queue.length > 0) return true;
          try {
            const result = await take(ms);
            queue.unshift(result);
            return true;
          } catch {
            return false;
          }
        },
        stop,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
