import pino, { type DestinationStream, type Logger } from 'pino';

import type { AppConfig } from '../config/config';

export type { Logger };

/**
 * The process's one logger: JSON lines on standard output (what log collectors read), or
 * pino-pretty's coloured lines when a person watches a terminal in development and the
 * optional pino-pretty is installed. `destination` lets tests read the lines.
 */
export function createLogger(
  config: Pick<AppConfig['process'], 'logLevel' | 'nodeEnv'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'polegraph' },
    // Credentials never reach a log line, even if a header object is logged by mistake.
    redact: ['authorization', 'headers.authorization', '*.authorization'],
  };
  if (destination) return pino(options, destination);
  if (config.nodeEnv === 'development' && process.stdout.isTTY && prettyAvailable()) {
    return pino({ ...options, transport: { target: 'pino-pretty' } });
  }
  // Written synchronously: a line is out before the next statement runs, so nothing is lost
  // when the process exits (after the clean stop, or on a crash).
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
