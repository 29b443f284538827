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
