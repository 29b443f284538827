// The bare servers of the comparison: Apollo Server 5 on Express with nothing of ours (no
// authentication, limits, plugins, resolvers or database), answering from constants. Run as its
// own process by bare-apollo.mjs, so that its CPU is measured like the server's. Prints its URL
// once listening.
//
// POLEGRAPH_BENCH_BARE (JSON) says what it serves:
// - `answersFile`: a JSON file of `{ operationName: data }`, served as the root value of each
//   operation (an anonymous one: the `""` entry); graphql-js's default resolvers read every
//   field of it by name, so the answer is what the constants hold;
// - `schemaFile`: the SDL to serve (the project's schema: the floor of each scenario); without
//   it, the smallest schema that answers `{ regions { code name } }` (the `regions` baseline).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, getOperationAST } from 'graphql';

const REGIONS_SDL =
  'type Region { code: String! name: String! } type Query { regions: [Region!]! }';

const { answersFile, schemaFile } = JSON.parse(process.env.POLEGRAPH_BENCH_BARE);
const answers = JSON.parse(readFileSync(answersFile, 'utf8'));
const apollo = new ApolloServer({
  schema: buildSchema(schemaFile ? readFileSync(schemaFile, 'utf8') : REGIONS_SDL),
  rootValue: (document) => answers[getOperationAST(document)?.name?.value ?? ''],
});
await apollo.start();
const app = express();
app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
const server = createServer(app);
server.listen(0, '127.0.0.1', () =>
  console.info(`http://127.0.0.1:${server.address().port}/graphql`),
);
process.once('SIGTERM', () => {
  server.close();
  void apollo.stop().then(() => process.exit(0));
});
