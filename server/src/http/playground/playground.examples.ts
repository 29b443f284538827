import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One example query the playground opens in a tab of its own. */
export interface PlaygroundExample {
  /** The file's name, e.g. `regions.graphql`; examples open in this order. */
  fileName: string;
  /** What the example answers: its leading `#` comment, without the `#`s. */
  description: string;
  /** Who it is for, from its `# Audience: …` line: the catalogue's group. */
  audience: string;
  /** Its operation's name, the catalogue's title. */
  title: string;
  /** The whole document, comment included, as the tab shows it. */
  query: string;
}

/**
 * Where the examples live: `src/playground/examples` when running the sources (tests), and
 * `dist/playground/examples`, copied there by `scripts/build-playground.mjs`, when running the
 * build (`node server/dist/main.js`, the Docker image).
 */
export const PLAYGROUND_EXAMPLES_DIR = join(__dirname, 'examples');

/** Reads every `.graphql` file of `directory`, sorted by file name. */
export function loadPlaygroundExamples(directory = PLAYGROUND_EXAMPLES_DIR): PlaygroundExample[] {
  let fileNames: string[];
  try {
    fileNames = readdirSync(directory).filter((name) => name.endsWith('.graphql'));
  } catch (error) {
    // A build made by `tsc` alone has no examples: the playground still works, with empty tabs.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return fileNames.sort().map((fileName) => {
    const query = readFileSync(join(directory, fileName), 'utf8').replace(/\r\n/g, '\n');
    const comment = leadingComment(query);
    const audienceLine = comment.find((line) => /^Audience:/i.test(line));
    return {
      fileName,
      description: comment
        .filter((line) => line !== audienceLine)
        .join(' ')
        .trim(),
      audience: audienceLine?.replace(/^Audience:\s*/i, '').trim() || 'Everyone',
      title: /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1] ?? fileName,
      query,
    };
  });
}

/** The lines of the document's leading `#` comment, without the `#`s. */
function leadingComment(document: string): string[] {
  const lines: string[] = [];
  for (const line of document.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('#')) break;
    lines.push(trimmed.replace(/^#+\s?/, ''));
  }
  return lines;
}
