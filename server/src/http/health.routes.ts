import type { Express } from 'express';

/** `/healthz`: the process answers. */
export function mountHealth(app: Express): void {
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
}
