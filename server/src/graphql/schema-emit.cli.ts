import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildPoleGraphSchema, printSortedSchema } from './schema';

/** `npm run schema`: writes schema/schema.graphql, the SDL the SDK is generated from. */
export const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

async function main(): Promise<void> {
  const schema = await buildPoleGraphSchema();
  writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
  console.info(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
