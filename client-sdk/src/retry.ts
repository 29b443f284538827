/** When and how the client tries a failed request again. */
export interface RetryOptions {
  /**
   * Attempts after the first one.
   * @default 3
   */
  retries?: number | undefined;
  /**
   * Wait before the first retry when the server gives no `Retry-After`; it doubles at each
   * retry, with random jitter so that many scripts do not come back at the same instant.
   * @default 500
   */
  minDelayMs?: number | undefined;
  /**
   * Longest wait before one retry. A `Retry-After` longer than this fails at once with
   * `RATE_LIMITED` (and `details.retryAfterMs`) instead of blocking the script.
   * @default 30000
   */
  maxDelayMs?: number | undefined;
  /**
   * Also retry mutations after a 502, 503, 504 or a network failure. Off by default: the
   * mutation may have been applied before the failure. Every attempt of one call carries the
   * same `Idempotency-Key`, so a server that honours it (PoleGraph does) answers a repeated
   * mutation with its first result instead of running it twice: turning this on is safe there.
   * A 429 is always retried, since the server refused the request before running it.
   * @default false
   */
  retryMutations?: boolean | undefined;
  /** Called before each wait, e.g. to log it. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** What `onRetry` is told. */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  /** The HTTP status that caused the retry, or undefined after a network failure. */
  status: number | undefined;
  operationName: string | undefined;
}

export type ResolvedRetryOptions = {
  [Key in Exclude<keyof RetryOptions, 'onRetry'>]-?: NonNullable<RetryOptions[Key]>;
} & Pick<RetryOptions, 'onRetry'>;

export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = {
  retries: 3,
  minDelayMs: 500,
  maxDelayMs: 30_000,
  retryMutations: false,
};

/** The options in force: `false` turns retries off. */
export function resolveRetryOptions(
  options: RetryOptions | false | undefined,
): ResolvedRetryOptions {
  if (options === false) return { ...DEFAULT_RETRY_OPTIONS, retries: 0 };
  // Options left undefined keep their default.
  const given = Object.fromEntries(
    Object.entries(options ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<ResolvedRetryOptions>;
  return { ...DEFAULT_RETRY_OPTIONS, ...given };
}

/** The statuses retried: rate limited, and the gateway or server failing for now. */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * The wait a response asks for: its `Retry-After` header, or else the `extensions.retryAfter`
 * (seconds) of its first GraphQL error. A browser on another origin cannot read the header
 * unless the server exposes it, so the body's value counts as much.
 */
export function retryAfterOf(header: string | null, body: unknown): number | undefined {
  const fromHeader = parseRetryAfter(header);
  if (fromHeader !== undefined) return fromHeader;
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  for (const error of errors as { extensions?: { retryAfter?: unknown } }[]) {
    const seconds = error?.extensions?.retryAfter;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
      return Math.round(seconds * 1000);
    if (typeof seconds === 'string') {
      const parsed = parseRetryAfter(seconds);
      if (parsed !== undefined) return parsed;
    }
  }
  return undefined;
}

/**
 * `Retry-After` in milliseconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter (between half and all of the doubled delay). */
export function backoffDelay(attempt: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
