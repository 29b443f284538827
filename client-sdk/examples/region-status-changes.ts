/**
 * A small regional tool: prints the status changes of a region's projects as they happen
 * (GraphQL subscription over WebSocket), one line each, until stopped with Ctrl-C.
 *
 *   POLEGRAPH_TOKEN=<region officer token> node region-status-changes.js --region 84
 *
 * Options: --region (INSEE code, required), --url (default $POLEGRAPH_URL, then
 * http://localhost:4000/graphql), --count (stop after that many changes). The token comes from
 * $POLEGRAPH_TOKEN: a region officer of that region sees its projects' amounts and history.
 * Node 22+ has a WebSocket of its own; on Node 20 the `ws` package is used.
 */
import { parseArgs } from 'node:util';

import { createClient, isPoleGraphError, ProjectStatusChangesDocument } from '@polegraph/client';

async function webSocketImpl(): Promise<unknown> {
  if (typeof globalThis.WebSocket === 'function') return globalThis.WebSocket;
  return (await import('ws')).default;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      url: { type: 'string' },
      count: { type: 'string' },
    },
  });
  if (!values.region) throw new Error('Give the region: --region 84');
  const count = values.count === undefined ? Infinity : Number(values.count);
  const client = createClient({
    url: values.url ?? process.env.POLEGRAPH_URL ?? 'http://localhost:4000/graphql',
    token: process.env.POLEGRAPH_TOKEN,
    live: { webSocketImpl: await webSocketImpl() },
  });
  const changes = client.subscribe(ProjectStatusChangesDocument, {
    filter: { region: { code: { eq: values.region } } },
  });
  // Ctrl-C ends the subscription cleanly: the loop below then finishes.
  process.once('SIGINT', () => void changes.return());
  console.info(`Watching the status changes of region ${values.region}'s projects…`);
  let seen = 0;
  for await (const { projectStatusChanged: change } of changes) {
    const { project, statusChange } = change;
    console.info(
      [
        change.committedAt,
        project.acronym,
        `${statusChange?.fromStatus ?? '?'} → ${project.status}`,
        statusChange ? `by ${statusChange.changedBy}` : '',
      ]
        .filter(Boolean)
        .join('  '),
    );
    seen += 1;
    if (seen >= count) break;
  }
  await client.closeSubscriptions();
}

main().catch((error: unknown) => {
  console.error(isPoleGraphError(error) ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
