import type { Express } from 'express';

import { withTimeout } from '../core/with-timeout';

/** One dependency the server needs to answer: the database, Redis. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answered; rejects (or overruns the timeout) otherwise. */
  check(): Promise<void>;
}

/** How long a readiness probe waits for each dependency. */
export const READINESS_TIMEOUT_MS = 2000;

/**
 * Whether the server should receive traffic: not while it stops, and only when each
 * dependency answers within a short time.
 */
export class Readiness {
  private stoppingSince: Date | null = null;

  constructor(private readonly checks: readonly ReadinessCheck[]) {}

  /** From now on `/readyz` answers 503: load balancers stop sending requests. */
  markStopping(): void {
    this.stoppingSince ??= new Date();
  }

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  async probe(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    if (this.stoppingSince) return { ready: false, checks: { server: 'stopping' } };
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(
            check(),
            READINESS_TIMEOUT_MS,
            `no answer within ${READINESS_TIMEOUT_MS} ms`,
          );
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : String(error)] as const;
        }
      }),
    );
    return {
      ready: results.every(([, state]) => state === 'ok'),
      checks: Object.fromEntries(results),
    };
  }
}

/** `/healthz`: the process answers. `/readyz`: it can serve (see `Readiness`). */
export function mountHealth(app: Express, readiness: Readiness): void {
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const { ready, checks } = await readiness.probe();
    response.setHeader('Cache-Control', 'no-store');
    if (!ready) response.setHeader('Retry-After', '1');
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
}
