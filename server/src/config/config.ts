/**
 * The only reader of `process.env`. Every option is declared once, in `OPTIONS`: its variable,
 * its default, how it is read and checked. `DEFAULTS`, the `AppConfig` type and the README's
 * configuration table (tested against `OPTIONS`) all derive from that one declaration. A bad
 * value stops the start with one message that lists every problem.
 */
import { type DatabaseConfig, parseDatabaseUrl } from './database-url';
import {
  boolean,
  byteSize,
  choice,
  ConfigError,
  httpUrl,
  list,
  type Option,
  option,
  origins,
  positiveNumber,
  redisUrl,
  seconds,
  text,
  wholeNumber,
} from './option';

export { type DatabaseConfig, parseDatabaseUrl } from './database-url';
export { ConfigError } from './option';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type PlaygroundMode = 'graphiql' | 'apollo-sandbox' | 'off';
/** Who may only run the documents of the persisted-documents manifest. */
export type TrustedDocumentsMode = 'off' | 'anonymous' | 'all';

/** Every option, by section; each section is one object of the loaded `AppConfig`. */
export const OPTIONS = {
  /** How the process runs. */
  process: {
    /** `production` masks unexpected errors. */
    nodeEnv: option(
      'NODE_ENV',
      'development' as NodeEnv,
      choice<NodeEnv>(['development', 'production', 'test']),
    ),
    /** `debug` also prints every SQL statement. */
    logLevel: option(
      'LOG_LEVEL',
      'info' as LogLevel,
      choice<LogLevel>(['error', 'warn', 'info', 'debug']),
    ),
    /**
     * How far V8 lets the old generation grow past what is live before its next full collection,
     * in percent; 0 keeps V8's own rule (up to four times what is live under load).
     */
    heapGrowthPercent: option('HEAP_GROWTH_PERCENT', 50, wholeNumber(0)),
  },
  /** The HTTP server and what browsers see. */
  http: {
    port: option('PORT', 4000, wholeNumber(0, 65535)),
    /** Our offline GraphiQL, Apollo's online Sandbox, or nothing. */
    playground: option(
      'PLAYGROUND',
      'graphiql' as PlaygroundMode,
      choice<PlaygroundMode>(['graphiql', 'apollo-sandbox', 'off']),
    ),
    /** The analysts' dashboards at /dashboards; independent of the playground. */
    dashboards: option('DASHBOARDS', true, boolean, '`on`'),
    /** Whether the schema answers introspection (the playground and codegen need it). */
    introspection: option('INTROSPECTION', true, boolean),
    /** Origins browsers may call the API from, or `['*']` for any. */
    corsOrigins: option('CORS_ORIGINS', [] as string[], origins, '_(none)_'),
    /** Largest request body, in bytes; larger ones get HTTP 413. */
    bodyLimitBytes: option('BODY_LIMIT', 1024 * 1024, byteSize, '`1mb`'),
    /** Most operations in one batched request; 0 turns batching off. */
    maxBatchSize: option('MAX_BATCH_SIZE', 10, wholeNumber(0)),
    /**
     * How long an API token read from the database is trusted without reading it again, in
     * milliseconds; a revocation takes effect within it. 0 reads the token on every request.
     */
    tokenCacheMs: option('TOKEN_CACHE_MS', 2000, wholeNumber(0)),
  },
  /** Where the data lives. */
  database: {
    /** `sqlite:<file>`, `mysql://…` or `mariadb://…`. */
    url: option('DATABASE_URL', 'sqlite:./data/polegraph.sqlite', text),
    /**
     * MySQL/MariaDB read replicas: reads go to them, writes (and the reads of a request after
     * it wrote) to `DATABASE_URL`.
     */
    replicaUrls: option('DATABASE_REPLICA_URLS', [] as string[], list, '_(unset)_'),
    /** Time budget of one read in milliseconds; over it, `QUERY_TIMEOUT`. 0 turns it off. */
    maxStatementMs: option('MAX_STATEMENT_MS', 5000, wholeNumber(0)),
    /** MySQL/MariaDB: how long opening a connection may take (read in seconds). */
    connectTimeoutMs: option('DATABASE_CONNECT_TIMEOUT', 5000, seconds, '`5`'),
    /** MySQL/MariaDB: how long a read may wait for a free pooled connection (read in seconds). */
    acquireTimeoutMs: option('DATABASE_ACQUIRE_TIMEOUT', 5000, seconds, '`5`'),
    /**
     * SQLite: worker processes that run reads off the main thread. Two keep a slow read from
     * holding up the others on a small machine; each costs ~35 MB (PSS) whether busy or not.
     */
    sqliteReadWorkers: option('SQLITE_READ_WORKERS', 2, wholeNumber(1)),
    /**
     * SQLite: a statement the read workers answered 3 times in a row within this many
     * milliseconds runs on the main thread from then on (its trip to a worker costs more than it
     * does); two inline runs over ten times as long send it back to the workers for good. 0:
     * every read in a worker.
     */
    sqliteInlineReadMs: option('SQLITE_INLINE_READ_MS', 1, wholeNumber(0)),
    /**
     * How long reads kept between requests (the reference tables: regions, themes, ministries,
     * funding programmes, labelling phases; the totals of lists: `totalCount`, `aggregate`;
     * grouped statistics) are served from memory without reading them again, in milliseconds.
     * A committed write drops them at once (on every instance when Redis joins them; on SQLite
     * whoever wrote); this bounds what the server cannot hear of (MySQL/MariaDB written by hand
     * or by instances without Redis). 0 reads them on every request.
     */
    readCacheMs: option('READ_CACHE_MS', 10_000, wholeNumber(0)),
  },
  /** What one operation may ask for, checked before it runs. */
  limits: {
    maxQueryTokens: option('MAX_QUERY_TOKENS', 10000, wholeNumber(100)),
    maxQueryDepth: option('MAX_QUERY_DEPTH', 12, wholeNumber(2)),
    maxAliases: option('MAX_ALIASES', 30, wholeNumber(0)),
    maxRootFields: option('MAX_ROOT_FIELDS', 20, wholeNumber(1)),
    /** Highest cost of one operation for anonymous callers; at most `rateLimit.points`. */
    maxQueryCost: option('MAX_QUERY_COST', 1000, wholeNumber(1)),
    /**
     * Highest cost of one operation for each role of API token. A role's bucket holds its
     * ceiling (at least `rateLimit.points`) and refills in the same time as the anonymous one;
     * the national overview (55 poles × 10 projects × partners × member × region) fits an
     * analyst's.
     */
    maxQueryCostByRole: {
      POLE_MANAGER: option('MAX_QUERY_COST_POLE_MANAGER', 25_000, wholeNumber(1)),
      REGION_OFFICER: option('MAX_QUERY_COST_REGION_OFFICER', 50_000, wholeNumber(1)),
      MINISTRY_ANALYST: option('MAX_QUERY_COST_MINISTRY_ANALYST', 100_000, wholeNumber(1)),
      ADMIN: option('MAX_QUERY_COST_ADMIN', 100_000, wholeNumber(1)),
    },
    /**
     * An operation whose requested cost reaches this is heavy: at most
     * `maxConcurrentHeavyExecutions` of them execute at once, the others wait their turn.
     */
    heavyQueryCost: option('HEAVY_QUERY_COST', 5000, wholeNumber(1)),
    /** Heavy operations (see `heavyQueryCost`) executed at once. */
    maxConcurrentHeavyExecutions: option('MAX_CONCURRENT_HEAVY_EXECUTIONS', 2, wholeNumber(1)),
    /** `anonymous` or `all`: those callers may only run the manifest's documents. */
    trustedDocuments: option(
      'TRUSTED_DOCUMENTS',
      'off' as TrustedDocumentsMode,
      // `enforce` is the word for holding every caller to the manifest.
      (raw, name) =>
        choice<TrustedDocumentsMode>(['off', 'anonymous', 'all'])(
          raw.trim().toLowerCase() === 'enforce' ? 'all' : raw,
          name,
        ),
    ),
    /** The persisted-documents manifest, relative to the working directory. */
    trustedDocumentsManifest: option(
      'TRUSTED_DOCUMENTS_MANIFEST',
      'client-sdk/src/generated/persisted-documents.json',
      text,
    ),
  },
  /** How GraphQL operations run (graphql/compiled-execution.ts). */
  execution: {
    /** Queries run compiled by graphql-jit from their second run; off: graphql-js for all. */
    jit: option('GRAPHQL_JIT', true, boolean, '`on`'),
    /** Compiled documents kept (least recently used dropped), and documents remembered as run once. */
    jitCacheSize: option('GRAPHQL_JIT_CACHE_SIZE', 500, wholeNumber(1)),
  },
  /** Each caller's bucket of cost points (per token, per IP for anonymous callers). */
  rateLimit: {
    points: option('RATE_LIMIT_POINTS', 1000, wholeNumber(1)),
    /** Points given back to each bucket per second. */
    restoreRate: option('RATE_LIMIT_RESTORE_RATE', 50, positiveNumber),
  },
  /** How the process is run and observed (README "Operating PoleGraph"). */
  operations: {
    /** On SIGTERM/SIGINT, how long accepted requests may take before their connections are cut. */
    stopGracePeriodMs: option('STOP_GRACE_PERIOD_MS', 15000, wholeNumber(0)),
    /** Time a client has to send a request's headers. */
    headersTimeoutMs: option('HTTP_HEADERS_TIMEOUT_MS', 10000, wholeNumber(1000)),
    /** Time a client has to send a whole request. */
    requestTimeoutMs: option('HTTP_REQUEST_TIMEOUT_MS', 30000, wholeNumber(1000)),
    /** An idle keep-alive connection is closed after this. */
    keepAliveTimeoutMs: option('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, wholeNumber(100)),
    /** GraphQL requests executed at once; others wait. */
    maxConcurrentExecutions: option('MAX_CONCURRENT_EXECUTIONS', 32, wholeNumber(1)),
    /** Requests that may wait for an execution slot; beyond, HTTP 503 + Retry-After. */
    maxQueuedExecutions: option('MAX_QUEUED_EXECUTIONS', 256, wholeNumber(0)),
    /** Longest wait for an execution slot before HTTP 503. */
    executionQueueTimeoutMs: option('EXECUTION_QUEUE_TIMEOUT_MS', 10000, wholeNumber(1)),
    /** `/metrics` in Prometheus format. */
    metrics: option('METRICS', true, boolean, '`on`'),
    /** Serve `/metrics` on this port instead of the API's; `null`: the API's. */
    metricsPort: option(
      'METRICS_PORT',
      null as number | null,
      wholeNumber(0, 65535),
      "_(unset: the API's port)_",
    ),
    /** OTLP/HTTP collector that receives traces; `null` loads no tracing code at all. */
    otlpEndpoint: option(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      null as string | null,
      httpUrl,
      '_(unset: no tracing code loaded)_',
    ),
  },
  /** Shared state between server processes. */
  redis: {
    /** `null` keeps everything in this process. */
    url: option('REDIS_URL', null as string | null, redisUrl, '_(unset: buckets in memory)_'),
    /** Prefix of every Redis key PoleGraph writes. */
    keyPrefix: option('REDIS_KEY_PREFIX', 'polegraph:', text),
  },
  /** Subscriptions over WebSocket (README "Live updates"). */
  live: {
    /** How often open connections' tokens are checked again (revoked/expired: close 4401). */
    tokenCheckSeconds: option('LIVE_TOKEN_CHECK_SECONDS', 30, wholeNumber(1)),
    /** Most subscriptions running at once on one connection. */
    maxSubscriptionsPerConnection: option(
      'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION',
      20,
      wholeNumber(1),
    ),
    /** Most open connections per API token (per IP for anonymous callers); more: close 4429. */
    maxConnectionsPerToken: option('LIVE_MAX_CONNECTIONS_PER_TOKEN', 10, wholeNumber(1)),
    /** Bytes a connection may leave unread before it is dropped as a slow consumer (4410). */
    maxBufferedBytes: option('LIVE_MAX_BUFFERED', 1024 * 1024, byteSize, '`1mb`'),
    /** A connection with no subscription for this long is closed (4408). */
    idleTimeoutSeconds: option('LIVE_IDLE_TIMEOUT_SECONDS', 300, wholeNumber(1)),
  },
  /** Signed HTTP callbacks of committed changes (README "Live updates" › Webhooks). */
  webhooks: {
    /** Whether this process runs the delivery worker (every process may: rows are claimed). */
    deliver: option('WEBHOOK_DELIVER', true, boolean),
    /** How long one POST to an endpoint may take before it counts as failed. */
    timeoutMs: option('WEBHOOK_TIMEOUT_MS', 10_000, wholeNumber(100)),
    /** Wait before the first retry; each further retry waits twice as long (capped at 1 h). */
    firstRetryMs: option('WEBHOOK_FIRST_RETRY_MS', 30_000, wholeNumber(1)),
    /** A delivery still failing this long after its change is given up. */
    retryForMs: option('WEBHOOK_RETRY_FOR_MS', 86_400_000, wholeNumber(1), '`86400000` (24 h)'),
    /** An endpoint whose deliveries all failed for this many days in a row is disabled. */
    disableAfterDays: option('WEBHOOK_DISABLE_AFTER_DAYS', 5, positiveNumber),
    /** How often the worker looks for deliveries that are due. */
    pollMs: option('WEBHOOK_POLL_MS', 1000, wholeNumber(10)),
    /** Finished deliveries (sent, given up, skipped) and their attempts are deleted after this. */
    keepDeliveriesDays: option('WEBHOOK_KEEP_DELIVERIES_DAYS', 30, positiveNumber),
    /** Whether endpoints may be on private, loopback or link-local networks (SSRF guard). */
    allowPrivateNetworks: option('WEBHOOK_ALLOW_PRIVATE_NETWORKS', false, boolean),
  },
  /** Retried mutations (`Idempotency-Key`). */
  idempotency: {
    /** How long a mutation's outcome is kept for a retry with the same key, in seconds. */
    ttlSeconds: option('IDEMPOTENCY_TTL_SECONDS', 86_400, wholeNumber(1), '`86400` (24 h)'),
  },
} as const;

type Values<T> = {
  -readonly [K in keyof T]: T[K] extends Option<infer V> ? V : Values<T[K]>;
};

/** The loaded configuration: one object per section of `OPTIONS`. */
export type AppConfig = Values<typeof OPTIONS> & {
  /** `database.url` and `database.replicaUrls`, read: the connections they name. */
  database: { connection: DatabaseConfig; replicas: DatabaseConfig[] };
};

/** How long the database may take, and where reads may go (the database port reads these). */
export type DatabaseLimits = Pick<
  AppConfig['database'],
  | 'maxStatementMs'
  | 'connectTimeoutMs'
  | 'acquireTimeoutMs'
  | 'replicas'
  | 'sqliteReadWorkers'
  | 'sqliteInlineReadMs'
>;

export type HttpConfig = AppConfig['http'];
export type LimitsConfig = AppConfig['limits'];
/** The roles of API tokens (auth/roles.ts), as the configuration names them. */
export type TokenRoleName = keyof LimitsConfig['maxQueryCostByRole'];
export type RateLimitConfig = AppConfig['rateLimit'];
export type RedisConfig = AppConfig['redis'];
export type OperationsConfig = AppConfig['operations'];
export type LiveConfig = AppConfig['live'];
export type WebhooksConfig = AppConfig['webhooks'];

function valuesOf<T extends object>(
  section: T,
  read: (option: Option<unknown>) => unknown,
): Values<T> {
  return Object.fromEntries(
    Object.entries(section).map(([key, value]) => [
      key,
      value instanceof Object && 'env' in value
        ? read(value as Option<unknown>)
        : valuesOf(value as object, read),
    ]),
  ) as Values<T>;
}

/** Every option's default, as one object (the README table is tested against `OPTIONS`). */
export const DEFAULTS: Values<typeof OPTIONS> = valuesOf(OPTIONS, (option) => option.fallback);

/** The database limits when none are configured (command-line tools, tests). */
export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  maxStatementMs: DEFAULTS.database.maxStatementMs,
  connectTimeoutMs: DEFAULTS.database.connectTimeoutMs,
  acquireTimeoutMs: DEFAULTS.database.acquireTimeoutMs,
  sqliteReadWorkers: DEFAULTS.database.sqliteReadWorkers,
  sqliteInlineReadMs: DEFAULTS.database.sqliteInlineReadMs,
  replicas: [],
};

/** Every option as a flat list, for documentation and its test. */
export function allOptions(): Option<unknown>[] {
  const list: Option<unknown>[] = [];
  valuesOf(OPTIONS, (option) => list.push(option));
  return list;
}

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment = process.env): AppConfig {
  const problems: string[] = [];
  const values = valuesOf(OPTIONS, (option) => option.read(env, problems));
  if (values.limits.maxQueryCost > values.rateLimit.points) {
    problems.push(
      `MAX_QUERY_COST (${values.limits.maxQueryCost}) must not exceed RATE_LIMIT_POINTS ` +
        `(${values.rateLimit.points}): a query costing more than the bucket holds could never run`,
    );
  }
  const connection = parseDatabaseUrl(values.database.url, problems, 'DATABASE_URL');
  const replicas = values.database.replicaUrls.flatMap((url) => {
    const replica = parseDatabaseUrl(url, problems, 'DATABASE_REPLICA_URLS');
    if (replica && replica.kind !== 'mysql') {
      problems.push('DATABASE_REPLICA_URLS takes mysql:// or mariadb:// URLs only');
      return [];
    }
    return replica ? [replica] : [];
  });
  if (replicas.length > 0 && connection?.kind !== 'mysql') {
    problems.push('DATABASE_REPLICA_URLS needs a mysql:// or mariadb:// DATABASE_URL');
  }
  if (problems.length > 0 || !connection) throw new ConfigError(problems);
  return { ...values, database: { ...values.database, connection, replicas } };
}
