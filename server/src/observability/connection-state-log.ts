import type { Logger } from './logger';

/**
 * Logs a dependency's connection state when it changes (connected, unreachable, reachable
 * again, closed), not on every failure: an outage is two lines, whatever the traffic.
 */
export class ConnectionStateLog {
  private state: 'unknown' | 'up' | 'down' | 'closed' = 'unknown';

  constructor(
    private readonly logger: Logger,
    private readonly dependency: string,
  ) {}

  up(): void {
    if (this.state === 'up') return;
    const again = this.state === 'down';
    this.state = 'up';
    this.logger.info(
      { dependency: this.dependency, state: 'up' },
      again ? `${this.dependency} reachable again` : `${this.dependency} connected`,
    );
  }

  down(error: unknown): void {
    if (this.state === 'down' || this.state === 'closed') return;
    this.state = 'down';
    this.logger.warn(
      { dependency: this.dependency, state: 'down', reason: describe(error) },
      `${this.dependency} unreachable`,
    );
  }

  closed(): void {
    this.state = 'closed';
    this.logger.info({ dependency: this.dependency, state: 'closed' }, `${this.dependency} closed`);
  }

  /** Follows `attempt`: its success means up, its failure down; the outcome is passed on. */
  async watch(attempt: Promise<void>): Promise<void> {
    try {
      await attempt;
      this.up();
    } catch (error) {
      this.down(error);
      throw error;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
