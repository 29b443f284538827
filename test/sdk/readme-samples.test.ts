import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import { REPOSITORY_ROOT, scratchFolder } from './helpers/scratch-folder';

/** The ```lang blocks of a Markdown text, in order. */
function codeBlocks(markdown: string, lang: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm');
  for (const match of markdown.matchAll(pattern)) blocks.push(match[1]);
  return blocks;
}

/** The samples of both READMEs: client-sdk/README.md, and the root README's SDK section. */
function readmeSamples(): { name: string; code: string }[] {
  const sdkReadme = readFileSync(join(REPOSITORY_ROOT, 'client-sdk', 'README.md'), 'utf8');
  const rootReadme = readFileSync(join(REPOSITORY_ROOT, 'README.md'), 'utf8');
  const sdkSection = rootReadme.slice(
    rootReadme.indexOf('## The client SDK'),
    rootReadme.indexOf('\n## ', rootReadme.indexOf('## The client SDK') + 1),
  );
  return [
    ...codeBlocks(sdkReadme, 'ts').map((code, index) => ({
      name: `sdk-readme-${index + 1}`,
      code,
    })),
    ...codeBlocks(sdkSection, 'ts').map((code, index) => ({ name: `readme-${index + 1}`, code })),
  ];
}

/**
 * What a sample may take as given: a `client` made as the README's first sample makes it. A
 * sample that makes its own client gets nothing.
 */
const PRELUDE = `import { createClient as createPreludeClient } from '@polegraph/client';
const client = createPreludeClient({ url: 'http://localhost:4000/graphql', token: process.env.POLEGRAPH_TOKEN });
`;

describe('the README samples, in a project made by `tsc --init`', () => {
  const tsc = require.resolve('typescript/bin/tsc');

  it('compile with the strict options tsc --init sets (exactOptionalPropertyTypes…)', () => {
    const folder = scratchFolder('readme');
    try {
      const init = spawnSync(process.execPath, [tsc, '--init'], {
        cwd: folder.path,
        encoding: 'utf8',
      });
      expect(init.status).toBe(0);
      const { config, error } = ts.parseConfigFileTextToJson(
        'tsconfig.json',
        readFileSync(join(folder.path, 'tsconfig.json'), 'utf8'),
      );
      expect(error).toBeUndefined();
      const compilerOptions = (config as { compilerOptions: Record<string, unknown> })
        .compilerOptions;
      // What tsc --init turns on, and which broke the samples before.
      expect(compilerOptions).toMatchObject({ strict: true, exactOptionalPropertyTypes: true });
      // Node's types, as any Node project installs; nothing written.
      compilerOptions.types = ['node'];
      compilerOptions.noEmit = true;
      const samples = readmeSamples();
      expect(samples.length).toBeGreaterThanOrEqual(8);
      for (const { name, code } of samples) {
        const ownClient = /\bconst client = createClient\(/.test(code);
        writeFileSync(
          join(folder.path, `${name}.ts`),
          `${ownClient ? '' : PRELUDE}${code}\nexport {};\n`,
        );
      }
      writeFileSync(
        join(folder.path, 'package.json'),
        JSON.stringify({ name: 'readme-samples', private: true, type: 'module' }),
      );
      writeFileSync(
        join(folder.path, 'tsconfig.json'),
        JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2),
      );
      const compiled = spawnSync(process.execPath, [tsc, '-p', folder.path], {
        cwd: folder.path,
        encoding: 'utf8',
      });
      expect(compiled.stdout + compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
    } finally {
      folder.remove();
    }
  }, 120_000);

  it('give a gql.tada plugin snippet that checks documents against the schema', () => {
    const folder = scratchFolder('tada-plugin');
    try {
      const sdkReadme = readFileSync(join(REPOSITORY_ROOT, 'client-sdk', 'README.md'), 'utf8');
      const snippet = codeBlocks(sdkReadme, 'json').find((block) =>
        block.includes('gql.tada/ts-plugin'),
      );
      if (!snippet) throw new Error('client-sdk/README.md has no gql.tada plugin snippet');
      const { compilerOptions } = JSON.parse(snippet) as {
        compilerOptions: Record<string, unknown>;
      };
      writeFileSync(
        join(folder.path, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...compilerOptions,
            module: 'nodenext',
            target: 'esnext',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
          },
          include: ['*.ts'],
        }),
      );
      writeFileSync(join(folder.path, 'package.json'), '{ "type": "module" }');
      // The schema path of the snippet, as it is in a project that installed the package.
      mkdirSync(join(folder.path, 'node_modules', '@polegraph'), { recursive: true });
      symlinkSync(
        join(REPOSITORY_ROOT, 'client-sdk'),
        join(folder.path, 'node_modules', '@polegraph', 'client'),
      );
      writeFileSync(
        join(folder.path, 'queries.ts'),
        `import { graphql } from '@polegraph/client';
export const Good = graphql(\`query Good { regions { code name } viewer { role } }\`);
export const Misspelt = graphql(\`query Misspelt { regions { code nmae } }\`);
`,
      );
      const checked = spawnSync(
        process.execPath,
        [join(REPOSITORY_ROOT, 'node_modules', 'gql.tada', 'bin', 'cli.js'), 'check'],
        { cwd: folder.path, encoding: 'utf8', timeout: 110_000 },
      );
      const output = checked.stdout + checked.stderr;
      // Exactly one problem: the misspelt field, on line 3. No "schema named polegraph isn't configured".
      expect(output).toContain('Cannot query field "nmae" on type "Region"');
      expect(output).not.toContain("isn't configured");
      expect(output).toMatch(/1 problems? \(1 errors?/);
    } finally {
      folder.remove();
    }
  }, 120_000);
});
