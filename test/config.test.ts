import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../server/src/config/config';

describe('loadConfig', () => {
  it('has a documented default for every option', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      databaseUrl: 'sqlite:./data/polegraph.sqlite',
      database: { kind: 'sqlite', path: './data/polegraph.sqlite' },
      nodeEnv: 'development',
      logLevel: 'info',
      playground: 'graphiql',
    });
  });

  it('reads MySQL and MariaDB URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db.internal:3307/polegraph' }).database).toEqual({
      kind: 'mysql',
      flavour: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'app',
      password: 's@cret',
      database: 'polegraph',
    });
    expect(loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1/polegraph' }).database).toMatchObject({
      flavour: 'mariadb',
      port: 3306,
      username: 'root',
      password: '',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'DATABASE_URL uses "postgres:", which PoleGraph does not support'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL "not a url" is not a database URL'],
    [{ DATABASE_URL: 'mysql://root@localhost' }, 'DATABASE_URL must name a database after the host'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test, got "staging"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of error, warn, info, debug, got "loud"'],
    [{ PLAYGROUND: 'yes' }, 'PLAYGROUND must be one of graphiql, apollo-sandbox, off, got "yes"'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' })).toThrow(
      /PORT must be .*\n.*LOG_LEVEL must be/,
    );
  });
});

describe('the server process', () => {
  const main = join(__dirname, '..', 'server', 'dist', 'main.js');

  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${main} is missing: npm test builds it first (npm run build)`);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, got "abc"'],
    [{ DATABASE_URL: 'oracle://x/y' }, 'DATABASE_URL uses "oracle:"'],
  ])('stops at start with a clear message for %j', (env, message) => {
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
