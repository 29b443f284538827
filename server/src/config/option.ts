/** One configuration option: its environment variable, default and reader. */
export class Option<T> {
  /** How the README's configuration table shows the default. */
  readonly shownDefault: string;

  constructor(
    readonly env: string,
    readonly fallback: T,
    private readonly parse: (raw: string, name: string) => T,
    shownDefault?: string,
  ) {
    this.shownDefault = shownDefault ?? `\`${defaultText(fallback)}\``;
  }

  /** The value `env` sets, or the default; a bad value adds a problem and keeps the default. */
  read(env: Record<string, string | undefined>, problems: string[]): T {
    const raw = env[this.env];
    if (raw === undefined || raw.trim() === '') return this.fallback;
    try {
      return this.parse(raw, this.env);
    } catch (error) {
      if (!(error instanceof OptionProblem)) throw error;
      problems.push(error.message);
      return this.fallback;
    }
  }
}

function defaultText(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

export function option<T>(
  env: string,
  fallback: T,
  parse: (raw: string, name: string) => T,
  shownDefault?: string,
): Option<T> {
  return new Option(env, fallback, parse, shownDefault);
}

/** A bad value, reported with the others. */
class OptionProblem extends Error {}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const problem = (message: string) => new OptionProblem(message);

export const text = (raw: string): string => raw.trim();

export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string, name: string): number => {
    const value = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw problem(
        max === Number.MAX_SAFE_INTEGER
          ? `${name} must be a whole number of at least ${min}, got "${raw}"`
          : `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
      );
    }
    return value;
  };
}

export function positiveNumber(raw: string, name: string): number {
  const value = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value <= 0) {
    throw problem(`${name} must be a number above 0 (decimals allowed), got "${raw}"`);
  }
  return value;
}

export function boolean(raw: string, name: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['true', 'on', 'yes', '1'].includes(value)) return true;
  if (['false', 'off', 'no', '0'].includes(value)) return false;
  throw problem(`${name} must be true or false, got "${raw}"`);
}

export function choice<T extends string>(choices: readonly T[]) {
  return (raw: string, name: string): T => {
    const value = raw.trim().toLowerCase() as T;
    if (!choices.includes(value)) {
      throw problem(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
    }
    return value;
  };
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** `1mb`, `512kb` or a number of bytes; at least 1 kB, so a GraphQL request still fits. */
export function byteSize(raw: string, name: string): number {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const bytes = match ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) {
    throw problem(
      `${name} must be a size of at least 1kb, such as 1mb, 512kb or 65536, got "${raw}"`,
    );
  }
  return bytes;
}

/** Comma-separated origins such as `https://app.example.fr`, or `*` alone for any origin. */
export function origins(raw: string, name: string): string[] {
  const list = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (list.includes('*')) {
    if (list.length > 1)
      throw problem(`${name} takes either * alone or a list of origins, got "${raw}"`);
    return ['*'];
  }
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw problem(
        `${name} must list origins such as https://app.example.fr ` +
          `(scheme, host, optional port, no path), got "${origin}"`,
      );
    }
  }
  return list;
}

export function redisUrl(raw: string, name: string): string {
  const url = raw.trim();
  if (!/^rediss?:\/\/[^/]/.test(url)) {
    throw problem(`${name} must look like redis://host:6379 or rediss://host:6380, got "${raw}"`);
  }
  return url;
}

export function httpUrl(raw: string, name: string): string {
  const url = raw.trim();
  if (!/^https?:\/\/[^/]/.test(url)) throw problem(`${name} must be an http(s) URL, got "${raw}"`);
  return url;
}

/** Comma-separated values, blanks dropped. */
export function list(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A number of seconds (decimals allowed), kept in milliseconds. */
export function seconds(raw: string, name: string): number {
  return Math.round(positiveNumber(raw, name) * 1000);
}
