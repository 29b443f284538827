import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { pendingSchemaChanges } from '../database/schema-drift';
import { ENTITIES } from '../features';

/**
 * `npm run migration:generate -- <Name>`: against a MySQL/MariaDB database (DATABASE_URL), runs
 * the committed migrations, compares the result with the entities and writes what differs as a
 * new migration in server/src/database/migrations/. Register it in ../migrations.ts.
 *
 * `npm run migration:generate -- --check` writes nothing: it says what differs and exits 1, or
 * exits 0 when the entities and the migrations agree.
 */
async function main(): Promise<void> {
  const check = process.argv[2] === '--check';
  const name = process.argv[2];
  if (!check && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
    throw new Error(
      'Give the migration a PascalCase name: npm run migration:generate -- AddAuditLog ' +
        '(or --check to only compare)',
    );
  }
  const config = loadConfig();
  if (config.database.connection.kind !== 'mysql')
    throw new Error('Set DATABASE_URL to a MySQL or MariaDB database');
  const dataSource = await openDataSource(config.database.connection, { entities: ENTITIES });
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.info('The entities and the migrations agree: nothing to generate.');
      return;
    }
    if (check) {
      console.error(
        `The entities and the migrations differ; a new migration would run:\n${up.join(';\n')}`,
      );
      process.exitCode = 1;
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (sql: string) => `    await queryRunner.query(${JSON.stringify(sql)});`;
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(quote).join('\n')}
  }
}
`;
    const file = join(
      __dirname,
      '..',
      '..',
      'src',
      'database',
      'migrations',
      `${timestamp}-${name}.ts`,
    );
    writeFileSync(file, source);
    console.info(`Wrote ${file}: add ${className} to server/src/database/migrations.ts`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
