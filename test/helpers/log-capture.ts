import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, parsed, for a test to read. */
export class LogCapture implements DestinationStream {
  readonly lines: Record<string, unknown>[] = [];

  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}
