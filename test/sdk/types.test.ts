import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { scratchFolder } from './helpers/scratch-folder';

/**
 * Type-level tests: fixtures a consumer could write are compiled with `tsc` against the built
 * package (ESM view, NodeNext, strict). The right one must compile; each wrong one must not,
 * for the reason it shows.
 */
const FIXTURES: Record<string, string> = {
  'right.ts': `
    import {
      createClient, graphql, paginate, PoleGraphError, ProjectStatus,
      RegionMembersByCategoryDocument, type ResultOf, type VariablesOf,
    } from '@polegraph/client';

    type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const expectType = <T extends true>(value: T) => value;

    const client = createClient({ url: 'http://localhost:4000/graphql', token: () => 'secret' });

    export async function generated() {
      const { region } = await client.polesOfRegion({ regionCode: '84' });
      type PoleNode = NonNullable<typeof region>['poles']['nodes'][number];
      expectType<Equal<PoleNode['acronym'], string | null>>(true);
      // Enums are unions of the schema's values (and const objects).
      expectType<Equal<PoleNode['status'], 'LABELLED' | 'NOT_LABELLED' | 'MERGED' | 'DISSOLVED'>>(true);
      const { pole } = await client.poleYearlyFigures({ slug: 'aerospace-valley' });
      // Decimals and dates are strings, never numbers.
      const budget: string | undefined = pole?.years?.[0]?.budget;
      const when: string | undefined = pole?.decisions[0]?.decidedOn;
      const { regions } = await client.regions();
      const status: ProjectStatus = ProjectStatus.IN_PROGRESS;
      return [budget, when, regions.length, status];
    }

    export async function custom() {
      const PoleNames = graphql(\`
        query PoleNames($regionCode: String!, $after: String) {
          region(code: $regionCode) {
            poles(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug name city } }
          }
        }
      \`);
      expectType<Equal<VariablesOf<typeof PoleNames>, { regionCode: string; after?: string | null | undefined }>>(true);
      const data = await client.request(PoleNames, { regionCode: '84' });
      expectType<Equal<typeof data, ResultOf<typeof PoleNames>>>(true);
      for await (const pole of paginate(client, PoleNames, { regionCode: '84' })) {
        expectType<Equal<typeof pole, { slug: string; name: string; city: string }>>(true);
      }
      for await (const member of paginate(client, RegionMembersByCategoryDocument, { regionCode: '84', category: 'SME' })) {
        const siren: string = member.siren;
        void siren;
      }
      return data.region?.poles.nodes[0]?.name;
    }

    export async function errors() {
      try {
        await client.regions();
      } catch (error) {
        if (error instanceof PoleGraphError && error.code === 'RATE_LIMITED') return error.details.retryAfterMs;
        throw error;
      }
    }
  `,
  'wrong-field-in-custom-query.ts': `
    import { createClient, graphql } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    export const data = client.request(graphql(\`query P($slug: String!) { pole(slug: $slug) { name nmae } }\`), { slug: 'x' });
  `,
  'wrong-field-in-fragment.ts': `
    import { createClient, graphql } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    export const data = client.request(graphql(\`query N($id: ID!) { node(id: $id) { id ... on Pole { slgu } } }\`), { id: 'x' });
  `,
  'wrong-field-in-result.ts': `
    import { createClient } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    export const name = client.polesOfRegion({ regionCode: '84' }).then(({ region }) => region?.nmae);
  `,
  'wrong-variable-type.ts': `
    import { createClient } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    export const data = client.polesOfRegion({ regionCode: 84 });
  `,
  'wrong-variable-type-in-custom-query.ts': `
    import { createClient, graphql } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    const Members = graphql(\`query M($category: MemberCategory!) { members(filter: { category: { eq: $category } }) { totalCount } }\`);
    export const data = client.request(Members, { category: 'STARTUP' });
  `,
  'missing-variable.ts': `
    import { createClient } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    export const data = client.projectTimeline();
  `,
  'paginate-without-after.ts': `
    import { createClient, graphql, paginate } from '@polegraph/client';
    const client = createClient({ url: 'http://localhost:4000/graphql' });
    const NoAfter = graphql(\`query A { poles(first: 5) { pageInfo { hasNextPage endCursor } nodes { slug } } }\`);
    export const pages = paginate(client, NoAfter);
  `,
};

/** What the compiler must say about each wrong fixture (a part of the message). */
const EXPECTED_ERRORS: Record<string, RegExp> = {
  'wrong-field-in-custom-query.ts': /fields not in the PoleGraph schema.*"pole\.nmae"/s,
  'wrong-field-in-fragment.ts': /fields not in the PoleGraph schema.*"node\.slgu"/s,
  'wrong-field-in-result.ts': /Property 'nmae' does not exist/,
  'wrong-variable-type.ts': /Type 'number' is not assignable to type 'string'/,
  'wrong-variable-type-in-custom-query.ts': /'"STARTUP"' is not assignable to type/,
  'missing-variable.ts': /Expected 1-2 arguments, but got 0/,
  'paginate-without-after.ts': /paginate\(\) needs a document declaring \$after/,
};

describe('the SDK types, compiled with tsc as a consumer would', () => {
  let diagnostics: Map<string, string[]>;
  let folder: ReturnType<typeof scratchFolder>;

  beforeAll(() => {
    folder = scratchFolder('types');
    writeFileSync(
      join(folder.path, 'package.json'),
      JSON.stringify({ type: 'module', private: true }),
    );
    writeFileSync(
      join(folder.path, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          // Our declarations are checked too, as in a project that does not skip them.
          skipLibCheck: false,
          types: [],
        },
        include: ['*.ts'],
      }),
    );
    for (const [name, source] of Object.entries(FIXTURES))
      writeFileSync(join(folder.path, name), source);
    const tsc = require.resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], {
      cwd: folder.path,
      encoding: 'utf8',
      timeout: 120_000,
    });
    diagnostics = new Map();
    // "file.ts(3,5): error TS2345: message" lines, with the message's continuation lines after.
    let current: string[] | undefined;
    for (const line of run.stdout.split('\n')) {
      const match = /^(.+?\.ts)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
      if (match) {
        const file = match[1];
        current = diagnostics.get(file) ?? [];
        diagnostics.set(file, current);
        current.push(match[2]);
      } else if (current && line.startsWith(' ')) {
        current[current.length - 1] += `\n${line}`;
      }
    }
  }, 180_000);
  afterAll(() => folder?.remove());

  it('compiles the right usages, declarations included', () => {
    expect([...diagnostics.entries()].filter(([file]) => !(file in EXPECTED_ERRORS))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED_ERRORS))('refuses %s', (file, expected) => {
    const errors = diagnostics.get(file) ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });
});
