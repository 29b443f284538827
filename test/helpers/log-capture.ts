import pino from 'pino';

import type { Logger } from '../../server/src/observability/logger';

/** A logger whose lines a test reads back, parsed (pino's JSON, as production writes it). */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  readonly logger: Logger;

  constructor(level = 'info') {
    this.logger = pino(
      { level, base: { service: 'polegraph' } },
      {
        write: (line: string) => void this.lines.push(JSON.parse(line) as Record<string, unknown>),
      },
    );
  }

  /** The lines whose message is `message`. */
  withMessage(message: string): Record<string, unknown>[] {
    return this.lines.filter((line) => line.msg === message);
  }
}
