import { createServer, type Server, type ServerResponse } from 'node:http';

import type { Express, Request, Response } from 'express';

import type { Metrics } from '../observability/metrics';

async function answer(metrics: Metrics, response: ServerResponse) {
  const { contentType, body } = await metrics.exposition();
  response.statusCode = 200;
  response.setHeader('Content-Type', contentType);
  response.end(body);
}

/** `/metrics` on the API's own port. */
export function mountMetrics(app: Express, metrics: Metrics): void {
  app.get('/metrics', (_request: Request, response: Response) => void answer(metrics, response));
}

/** `/metrics` alone on a port of its own (METRICS_PORT), kept off the public listener. */
export function startMetricsServer(metrics: Metrics, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      void answer(metrics, response);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
