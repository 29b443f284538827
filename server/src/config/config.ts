/**
 * The only reader of `process.env`. Every option is typed, validated and documented with its
 * default; a bad value stops the start with one message that lists every problem.
 */

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type PlaygroundMode = 'graphiql' | 'apollo-sandbox' | 'off';

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
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/polegraph.sqlite';
export const DEFAULT_PORT = 4000;

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const PLAYGROUND_MODES: readonly PlaygroundMode[] = ['graphiql', 'apollo-sandbox', 'off'];

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
  const playground = parseChoice('PLAYGROUND', env.PLAYGROUND, PLAYGROUND_MODES, 'graphiql', problems);
  if (problems.length > 0 || !database) throw new ConfigError(problems);
  return { port, databaseUrl, database, nodeEnv, logLevel, playground };
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
    problems.push(`${variable} must name a database after the host, e.g. mysql://root@127.0.0.1:3306/polegraph`);
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
