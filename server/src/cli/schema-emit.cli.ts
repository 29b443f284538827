import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { servedSchema } from '../features';
import { printSortedSchema } from '../graphql/schema';

/** `npm run schema`: writes schema/schema.graphql, the SDL the SDK is generated from. */
export const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

async function main(): Promise<void> {
  const schema = await servedSchema();
  writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
  console.info(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
