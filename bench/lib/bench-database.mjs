// The database a benchmark scale runs on: a fresh SQLite file (the default), or, when
// DATABASE_URL names a MySQL/MariaDB server, a fresh database of the benchmark's own on that server
// (`polegraph_bench_s<scale>`, dropped at the end; the database the URL names is not touched).
// One interface for both: the server's URL, the limit's prepared statements and SQL dialect, the
// open projects of the write scenario, and the database server's pid when it runs on this machine
// (its CPU is counted separately).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { OPEN_PROJECTS_SQL } from './mutation-requests.mjs';

/** The server's own modules: the same driver versions, `fold()` and SQL dialect. */
function serverModules(root) {
  const require = createRequire(join(root, 'server', 'package.json'));
  const dist = (path) => require(join(root, 'server', 'dist', ...path.split('/')));
  return { require, dist };
}

/** `mysql://…` or `mariadb://…` in DATABASE_URL selects the server; anything else, SQLite. */
export function benchDatabaseKind(env = process.env) {
  return /^(mysql|mariadb):\/\//.test(env.DATABASE_URL ?? '') ? 'mysql' : 'sqlite';
}

export function describeBenchDatabase(env = process.env) {
  if (benchDatabaseKind(env) === 'sqlite') return 'SQLite (better-sqlite3, fresh file per scale)';
  const url = new URL(env.DATABASE_URL);
  return `${url.protocol.replace(':', '')} at ${url.host} (fresh database per scale; its server's CPU counted apart)`;
}

/** The pid of a MySQL/MariaDB server on this machine, or null (remote, or /proc unreadable). */
function localDatabasePid(host) {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) return null;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    // Not Linux.
  }
  return null;
}

/**
 * Creates the scale's database, empty: the caller runs the migrations where `needsMigration`
 * (MySQL: the seed CLI creates SQLite's schema itself), seeds it, then `openReader()`s it for
 * the limit and the write scenario's open projects, and `drop()`s it at the end.
 */
export async function createBenchDatabase({ root, workDir, scale, env = process.env }) {
  const { require, dist } = serverModules(root);
  const { dialectOf, createFold } = dist('database/query/sql-dialect.js');
  if (benchDatabaseKind(env) === 'sqlite') {
    const file = join(workDir, 'bench.sqlite');
    return {
      kind: 'sqlite',
      url: `sqlite:${file}`,
      needsMigration: false,
      databasePid: null,
      dialect: dialectOf({ options: { type: 'better-sqlite3' } }),
      async openReader() {
        const Database = require('better-sqlite3');
        const db = new Database(file, { readonly: true, fileMustExist: true });
        db.function('fold', { deterministic: true }, createFold());
        const statements = new Map();
        return {
          // Synchronous, as the server's reads on SQLite: no promise in the timed path.
          sql(text) {
            let statement = statements.get(text);
            if (!statement) {
              statement = db.prepare(text);
              statements.set(text, statement);
            }
            return statement;
          },
          openProjects: () => db.prepare(OPEN_PROJECTS_SQL).all(),
          close: () => db.close(),
        };
      },
      async drop() {},
    };
  }

  const mysql = require('mysql2/promise');
  const server = new URL(env.DATABASE_URL);
  const name = `polegraph_bench_s${scale}`;
  const connectionOptions = {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  };
  const admin = await mysql.createConnection(connectionOptions);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'mysql',
    url: url.toString(),
    needsMigration: true,
    databasePid: localDatabasePid(server.hostname),
    dialect: dialectOf({ options: { type: 'mysql' } }),
    async openReader() {
      const connection = await mysql.createConnection({ ...connectionOptions, database: name });
      // Prepared statements, as the server's driver sends them.
      const prepared = (text) => ({
        all: async (...params) => (await connection.execute(text, params))[0],
        get: async (...params) => (await connection.execute(text, params))[0][0],
      });
      return {
        sql: prepared,
        openProjects: () => prepared(OPEN_PROJECTS_SQL).all(),
        close: () => connection.end(),
      };
    },
    async drop() {
      const connection = await mysql.createConnection(connectionOptions);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
