/**
 * The only reader of `process.env`. Every option is typed, validated and documented with its
 * default; a bad value stops the start with one message that lists every problem.
 */

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type PlaygroundMode = 'graphiql' | 'apollo-sandbox' | 'off';
/** Who may only run the documents of the persisted-documents manifest. */
export type TrustedDocumentsMode = 'off' | 'anonymous' | 'all';

export type DatabaseConfig =
  | {
      kind: 'sqlite';
      /** File path, or `:memory:` */
      path: string;
    }
  | {
      kind: 'mysql';
      /** `mysql` or `mariadb`, as written in the URL; both go through mysql2 */
      flavour: 'mysql' | 'mariadb';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
    };

export interface AppConfig {
  /** HTTP port. @default 4000 (env `PORT`) */
  port: number;
  /** Where the data lives. @default `sqlite:./data/polegraph.sqlite` (env `DATABASE_URL`) */
  databaseUrl: string;
  database: DatabaseConfig;
  /** @default `development` (env `NODE_ENV`) */
  nodeEnv: NodeEnv;
  /** `debug` also prints every SQL statement. @default `info` (env `LOG_LEVEL`) */
  logLevel: LogLevel;
  /**
   * What a browser sees at /graphql and /playground: our offline GraphiQL, Apollo's online
   * Sandbox, or nothing. @default `graphiql` (env `PLAYGROUND`)
   */
  playground: PlaygroundMode;
  /**
   * Whether the schema answers introspection queries (the playground and codegen need them).
   * @default true (env `INTROSPECTION`: true/false)
   */
  introspection: boolean;
  /**
   * Origins (scheme://host[:port]) that browsers may call the API from, or `['*']` for any. The
   * API's own origin (playground) needs no entry. @default `[]`: no cross-origin caller
   * (env `CORS_ORIGINS`, comma-separated)
   */
  corsOrigins: string[];
  /**
   * Largest request body, in bytes; larger ones get HTTP 413.
   * @default 1 MB (env `BODY_LIMIT`: `1mb`, `512kb` or bytes)
   */
  bodyLimitBytes: number;
  /**
   * Most operations in one batched HTTP request (a JSON array); 0 turns batching off.
   * @default 10 (env `MAX_BATCH_SIZE`)
   */
  maxBatchSize: number;
  /**
   * Most lexical tokens in one document, checked while parsing.
   * @default 10000 (env `MAX_QUERY_TOKENS`)
   */
  maxQueryTokens: number;
  /**
   * Deepest field nesting of an operation (`{ regions { code } }` is 2).
   * @default 12 (env `MAX_QUERY_DEPTH`)
   */
  maxQueryDepth: number;
  /** Most aliased fields in one operation, fragments included. @default 30 (env `MAX_ALIASES`) */
  maxAliases: number;
  /** Most root fields in one operation. @default 20 (env `MAX_ROOT_FIELDS`) */
  maxRootFields: number;
  /**
   * Highest cost of one operation, computed before it runs (connections cost by their
   * `first`/`last`). At most `rateLimitPoints`. @default 1000 (env `MAX_QUERY_COST`)
   */
  maxQueryCost: number;
  /**
   * Size of each caller's bucket of cost points (per token, per IP for anonymous callers).
   * @default 1000 (env `RATE_LIMIT_POINTS`)
   */
  rateLimitPoints: number;
  /** Points given back to each bucket per second. @default 50 (env `RATE_LIMIT_RESTORE_RATE`) */
  rateLimitRestoreRate: number;
  /**
   * Where the buckets live when several servers share them; `null` keeps them in memory.
   * @default null (env `REDIS_URL`)
   */
  redisUrl: string | null;
  /** Prefix of every Redis key PoleGraph writes. @default `polegraph:` (env `REDIS_KEY_PREFIX`) */
  redisKeyPrefix: string;
  /**
   * `anonymous` or `all`: those callers may only run the documents of the manifest (by hash or
   * by text). @default `off` (env `TRUSTED_DOCUMENTS`)
   */
  trustedDocuments: TrustedDocumentsMode;
  /**
   * The persisted-documents manifest, `{ "<sha256>": "<document>" }`, relative to the working
   * directory.
   * @default `client-sdk/src/generated/persisted-documents.json` (env `TRUSTED_DOCUMENTS_MANIFEST`)
   */
  trustedDocumentsManifest: string;
  /** Subscriptions over WebSocket (see README "Live updates"). */
  live: LiveConfig;
}

/** Limits of the WebSocket transport (graphql-ws) that serves subscriptions. */
export interface LiveConfig {
  /**
   * How often the tokens of open connections are checked again; a revoked or expired token's
   * connection is closed with code 4401. @default 30 (env `LIVE_TOKEN_CHECK_SECONDS`)
   */
  tokenCheckSeconds: number;
  /**
   * Most subscriptions running at once on one connection.
   * @default 20 (env `LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION`)
   */
  maxSubscriptionsPerConnection: number;
  /**
   * Most open connections per API token (per IP address for anonymous callers); one more is
   * closed with code 4429. @default 10 (env `LIVE_MAX_CONNECTIONS_PER_TOKEN`)
   */
  maxConnectionsPerToken: number;
  /**
   * Bytes a connection may leave unread before it is dropped as a slow consumer (code 4410).
   * @default 1 MB (env `LIVE_MAX_BUFFERED`: `1mb`, `512kb` or bytes)
   */
  maxBufferedBytes: number;
  /**
   * A connection with no subscription for this long is closed (code 4408).
   * @default 300 (env `LIVE_IDLE_TIMEOUT_SECONDS`)
   */
  idleTimeoutSeconds: number;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/polegraph.sqlite';
export const DEFAULT_PORT = 4000;
export const DEFAULT_TRUSTED_DOCUMENTS_MANIFEST =
  'client-sdk/src/generated/persisted-documents.json';

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const PLAYGROUND_MODES: readonly PlaygroundMode[] = ['graphiql', 'apollo-sandbox', 'off'];
const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['off', 'anonymous', 'all'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment = process.env): AppConfig {
  const problems: string[] = [];
  const port = parsePort(env.PORT, problems);
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const database = parseDatabaseUrl(databaseUrl, problems, 'DATABASE_URL');
  const nodeEnv = parseChoice('NODE_ENV', env.NODE_ENV, NODE_ENVS, 'development', problems);
  const logLevel = parseChoice('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info', problems);
  const playground = parseChoice(
    'PLAYGROUND',
    env.PLAYGROUND,
    PLAYGROUND_MODES,
    'graphiql',
    problems,
  );
  const abuse = loadAbuseProtection(env, problems);
  const live = loadLive(env, problems);
  if (problems.length > 0 || !database) throw new ConfigError(problems);
  return { port, databaseUrl, database, nodeEnv, logLevel, playground, ...abuse, live };
}

type AbuseProtectionConfig = Omit<
  AppConfig,
  'port' | 'databaseUrl' | 'database' | 'nodeEnv' | 'logLevel' | 'playground' | 'live'
>;

function loadLive(env: Environment, problems: string[]): LiveConfig {
  const whole = (name: string, fallback: number, min: number) =>
    parseWholeNumber(name, env[name], fallback, min, problems);
  return {
    tokenCheckSeconds: whole('LIVE_TOKEN_CHECK_SECONDS', 30, 1),
    maxSubscriptionsPerConnection: whole('LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1),
    maxConnectionsPerToken: whole('LIVE_MAX_CONNECTIONS_PER_TOKEN', 10, 1),
    maxBufferedBytes: parseByteSize(
      'LIVE_MAX_BUFFERED',
      env.LIVE_MAX_BUFFERED,
      1024 * 1024,
      problems,
    ),
    idleTimeoutSeconds: whole('LIVE_IDLE_TIMEOUT_SECONDS', 300, 1),
  };
}

/** Limits, rate limit, trusted documents, CORS and introspection (see `AppConfig`). */
function loadAbuseProtection(env: Environment, problems: string[]): AbuseProtectionConfig {
  const whole = (name: string, fallback: number, min: number) =>
    parseWholeNumber(name, env[name], fallback, min, problems);
  const rateLimitPoints = whole('RATE_LIMIT_POINTS', 1000, 1);
  const maxQueryCost = whole('MAX_QUERY_COST', 1000, 1);
  if (maxQueryCost > rateLimitPoints) {
    problems.push(
      `MAX_QUERY_COST (${maxQueryCost}) must not exceed RATE_LIMIT_POINTS (${rateLimitPoints}): ` +
        'a query costing more than the bucket holds could never run',
    );
  }
  return {
    introspection: parseBoolean('INTROSPECTION', env.INTROSPECTION, true, problems),
    corsOrigins: parseOrigins(env.CORS_ORIGINS, problems),
    bodyLimitBytes: parseByteSize('BODY_LIMIT', env.BODY_LIMIT, 1024 * 1024, problems),
    maxBatchSize: whole('MAX_BATCH_SIZE', 10, 0),
    maxQueryTokens: whole('MAX_QUERY_TOKENS', 10000, 100),
    maxQueryDepth: whole('MAX_QUERY_DEPTH', 12, 2),
    maxAliases: whole('MAX_ALIASES', 30, 0),
    maxRootFields: whole('MAX_ROOT_FIELDS', 20, 1),
    maxQueryCost,
    rateLimitPoints,
    rateLimitRestoreRate: parsePositiveNumber(
      'RATE_LIMIT_RESTORE_RATE',
      env.RATE_LIMIT_RESTORE_RATE,
      50,
      problems,
    ),
    redisUrl: parseRedisUrl(env.REDIS_URL, problems),
    redisKeyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'polegraph:',
    trustedDocuments: parseChoice(
      'TRUSTED_DOCUMENTS',
      // `enforce` is the issue's word for holding every caller to the manifest.
      env.TRUSTED_DOCUMENTS?.trim().toLowerCase() === 'enforce' ? 'all' : env.TRUSTED_DOCUMENTS,
      TRUSTED_DOCUMENTS_MODES,
      'off',
      problems,
    ),
    trustedDocumentsManifest:
      env.TRUSTED_DOCUMENTS_MANIFEST?.trim() || DEFAULT_TRUSTED_DOCUMENTS_MANIFEST,
  };
}

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    problems.push(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function parsePositiveNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a number above 0 (decimals allowed), got "${raw}"`);
    return fallback;
  }
  return value;
}

function parseBoolean(
  name: string,
  raw: string | undefined,
  fallback: boolean,
  problems: string[],
): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', 'on', 'yes', '1'].includes(value)) return true;
  if (['false', 'off', 'no', '0'].includes(value)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** `1mb`, `512kb` or a number of bytes; at least 1 kB, so a GraphQL request still fits. */
function parseByteSize(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const bytes = match ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) {
    problems.push(
      `${name} must be a size of at least 1kb, such as 1mb, 512kb or 65536, got "${raw}"`,
    );
    return fallback;
  }
  return bytes;
}

/** Comma-separated origins such as `https://app.example.fr`, or `*` alone for any origin. */
function parseOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins.includes('*')) {
    if (origins.length > 1) {
      problems.push(`CORS_ORIGINS takes either * alone or a list of origins, got "${raw}"`);
    }
    return ['*'];
  }
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      problems.push(
        'CORS_ORIGINS must list origins such as https://app.example.fr ' +
          `(scheme, host, optional port, no path), got "${origin}"`,
      );
    }
  }
  return origins;
}

function parseRedisUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const url = raw.trim();
  if (!/^rediss?:\/\/[^/]/.test(url)) {
    problems.push(`REDIS_URL must look like redis://host:6379 or rediss://host:6380, got "${raw}"`);
  }
  return url;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseChoice<T extends string>(
  name: string,
  raw: string | undefined,
  choices: readonly T[],
  fallback: T,
  problems: string[],
): T {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase() as T;
  if (!choices.includes(value)) {
    problems.push(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return value;
}

/**
 * Reads `sqlite:<path>`, `sqlite::memory:`, `mysql://user:pass@host:port/db` or `mariadb://…`.
 * `variable` names the setting in messages, so the test harness can reuse it for
 * `TEST_DATABASE_URL`.
 */
export function parseDatabaseUrl(
  url: string,
  problems: string[],
  variable: string,
): DatabaseConfig | undefined {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') {
      problems.push(`${variable} "${url}" names no file: use sqlite:./data/polegraph.sqlite`);
      return undefined;
    }
    return { kind: 'sqlite', path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(
      `${variable} "${url}" is not a database URL: use sqlite:<file> or ` +
        'mysql://user:password@host:3306/database',
    );
    return undefined;
  }
  const flavour = parsed.protocol.replace(/:$/, '');
  if (flavour !== 'mysql' && flavour !== 'mariadb') {
    problems.push(
      `${variable} uses "${parsed.protocol}", which PoleGraph does not support: ` +
        'use sqlite:, mysql:// or mariadb://',
    );
    return undefined;
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]+$/.test(database)) {
    problems.push(
      `${variable} must name a database after the host, e.g. mysql://root@127.0.0.1:3306/polegraph`,
    );
    return undefined;
  }
  const port = parsed.port === '' ? 3306 : Number(parsed.port);
  return {
    kind: 'mysql',
    flavour,
    host: parsed.hostname || '127.0.0.1',
    port,
    username: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
  };
}
