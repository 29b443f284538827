// The scenarios: bench/queries/*.graphql, one named operation per file.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { Kind, parse } from 'graphql';

import { UsageError } from './arguments.mjs';

export function loadQueries(queriesDir, only) {
  const files = readdirSync(queriesDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  const names = files.map((file) => basename(file, '.graphql'));
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`No query named ${unknown.join(', ')}; there are: ${names.join(', ')}`);
  }
  const queries = files
    .filter((file) => only.length === 0 || only.includes(basename(file, '.graphql')))
    .map((file) => {
      const text = readFileSync(join(queriesDir, file), 'utf8');
      const operations = parse(text).definitions.filter(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (operations.length !== 1 || !operations[0].name) {
        throw new Error(`bench/queries/${file} must hold exactly one named operation`);
      }
      const operationName = operations[0].name.value;
      return {
        name: basename(file, '.graphql'),
        operationName,
        kind: operations[0].operation,
        text,
        body: JSON.stringify({ query: text, operationName }),
      };
    });
  // Writes change the data the reads are checked against: they run last.
  return [
    ...queries.filter((query) => query.kind === 'query'),
    ...queries.filter((query) => query.kind !== 'query'),
  ];
}
