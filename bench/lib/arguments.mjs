// Command-line options of `npm run bench`.

export const USAGE =
  'Usage: npm run bench -- [--duration S] [--connections N] [--scale N]… [--warmup S] ' +
  '[--limit-runs N] [--query NAME]…';

/** Defaults sized for a 2-core machine, where the load generator shares the CPU with the server. */
export const DEFAULTS = {
  duration: 10,
  connections: 10,
  scales: [],
  warmup: 2,
  limitRuns: 200,
  queries: [],
};

export class UsageError extends Error {
  constructor(message) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

const NUMERIC = { duration: 1, connections: 1, scale: 1, warmup: 0, 'limit-runs': 200 };

/** `--scale` may be given several times (`--scale 1 --scale 10`): the table shows them side by side. */
export function parseArguments(argv) {
  const options = { ...DEFAULTS, scales: [], queries: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') {
      console.info(USAGE);
      process.exit(0);
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || !(name in NUMERIC || name === 'query')) {
      throw new UsageError(`Unknown argument "${arg}"`);
    }
    const raw = match[2] ?? argv[(index += 1)];
    if (raw === undefined) throw new UsageError(`--${name} needs a value`);
    if (name === 'query') {
      options.queries.push(raw.replace(/\.graphql$/, ''));
    } else if (!/^\d+$/.test(raw) || Number(raw) < NUMERIC[name]) {
      throw new UsageError(`--${name} needs a whole number ≥ ${NUMERIC[name]}, got "${raw}"`);
    } else if (name === 'scale') {
      options.scales.push(Number(raw));
    } else if (name === 'limit-runs') {
      options.limitRuns = Number(raw);
    } else {
      options[name] = Number(raw);
    }
  }
  if (options.scales.length === 0) options.scales.push(1);
  return options;
}
