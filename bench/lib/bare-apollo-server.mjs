// The bare server of the comparison: Apollo Server 5 on Express with nothing of ours (no
// authentication, limits, plugins or database), answering `regions` from constants handed over
// in POLEGRAPH_BENCH_REGIONS. Run as its own process by bare-apollo.mjs, so that its CPU is
// measured like the server's. Prints its URL once listening.
import { createServer } from 'node:http';

import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const regions = JSON.parse(process.env.POLEGRAPH_BENCH_REGIONS);
const apollo = new ApolloServer({
  typeDefs: 'type Region { code: String! name: String! } type Query { regions: [Region!]! }',
  resolvers: { Query: { regions: () => regions } },
});
await apollo.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(apollo));
const server = createServer(app);
server.listen(0, '127.0.0.1', () =>
  console.info(`http://127.0.0.1:${server.address().port}/graphql`),
);
process.once('SIGTERM', () => {
  server.close();
  void apollo.stop().then(() => process.exit(0));
});
