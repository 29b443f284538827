/**
 * A small regional tool: writes a CSV of a region's projects (led by one of its poles or with a
 * partner located there) with their latest status and the date they reached it.
 *
 *   node region-report.js --region 84 --out projects-84.csv
 *
 * Options: --region (INSEE code, required), --out (default region-<code>-projects.csv),
 * --url (default $POLEGRAPH_URL, then http://localhost:4000/graphql). The token, if any, comes
 * from $POLEGRAPH_TOKEN: a region officer's token also shows the confidential amounts.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import {
  createClient,
  isPoleGraphError,
  type PageProgress,
  paginate,
  RegionProjectsDocument,
} from '@polegraph/client';

const COLUMNS = [
  'acronym',
  'title',
  'lead_pole',
  'programme',
  'status',
  'status_since',
  'submitted_on',
];

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string | null | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      out: { type: 'string' },
      url: {
        type: 'string',
        default: process.env.POLEGRAPH_URL ?? 'http://localhost:4000/graphql',
      },
    },
  });
  if (!values.region)
    throw new Error('Give the region with --region <INSEE code>, e.g. --region 84');
  const regionCode = values.region;
  const output = values.out ?? `region-${regionCode}-projects.csv`;

  const client = createClient({ url: values.url, token: process.env.POLEGRAPH_TOKEN });
  const { regions } = await client.regions();
  const region = regions.find((candidate) => candidate.code === regionCode);
  if (!region) throw new Error(`No region has the INSEE code "${regionCode}"`);

  const lines = [COLUMNS.join(',')];
  // Progress on stderr after each page, so a long read does not look stuck.
  const onPage = ({ page, received, total, elapsedMs }: PageProgress) =>
    console.error(
      `page ${page}: ${received}${total === undefined ? '' : `/${total}`} projects, ${(elapsedMs / 1000).toFixed(1)} s`,
    );
  for await (const project of paginate(
    client,
    RegionProjectsDocument,
    { regionCode, first: 100 },
    { onPage },
  )) {
    // The history is oldest first: its last step is when the project reached its status. It is
    // null for a caller who may not see it (no token): the date column stays empty then.
    const latest = project.history?.at(-1);
    lines.push(
      [
        project.acronym,
        project.title,
        project.leadPole.name,
        project.programme.code,
        project.status,
        latest?.changedAt.slice(0, 10),
        project.submittedOn,
      ]
        .map(csvField)
        .join(','),
    );
  }
  await writeFile(output, `${lines.join('\n')}\n`, 'utf8');
  console.log(`${region.name}: ${lines.length - 1} projects written to ${output}`);
}

main().catch((error: unknown) => {
  // A PoleGraphError's code says what to do: a token to get, a limit to wait for…
  console.error(
    isPoleGraphError(error) ? `PoleGraph refused (${error.code}): ${error.message}` : error,
  );
  process.exitCode = 1;
});
