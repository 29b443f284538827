import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';

/**
 * An error answered before Apollo sees the request, in the shape of a GraphQL response, with
 * the request id (http/request-log.ts) a caller can quote.
 */
export function sendRequestError(
  response: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  const requestId = response.getHeader('x-request-id');
  response.status(status).json({
    errors: [{ message, extensions: requestId ? { ...extensions, requestId } : extensions }],
  });
}

/**
 * The JSON body parser with its size limit; a body over it is answered HTTP 413, one that is
 * not JSON HTTP 400, both as GraphQL errors (body-parser would answer an HTML page).
 */
export function graphqlBodyParser(limitBytes: number): [RequestHandler, ErrorRequestHandler] {
  const parse = express.json({ limit: limitBytes });
  const explainFailure: ErrorRequestHandler = (error: unknown, _request, response, next) => {
    const { status, type } = (error ?? {}) as { status?: number; type?: string };
    if (typeof status !== 'number' || status >= 500) return next(error);
    if (type === 'entity.too.large') {
      sendRequestError(
        response,
        413,
        `The request body is larger than the ${formatBytes(limitBytes)} a request may send.`,
        {
          code: 'PAYLOAD_TOO_LARGE',
          maximumBytes: limitBytes,
        },
      );
    } else if (type === 'entity.parse.failed') {
      sendRequestError(response, 400, 'The request body is not valid JSON.', {
        code: 'BAD_REQUEST',
      });
    } else {
      sendRequestError(response, status, (error as Error).message, { code: 'BAD_REQUEST' });
    }
  };
  return [parse, explainFailure];
}

/**
 * Refuses a batched request (a JSON array of operations) longer than `maxBatchSize`, before any
 * of its operations is parsed. With batching off (0), Apollo itself refuses every array.
 */
export function batchSizeLimit(maxBatchSize: number): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.body;
    if (maxBatchSize > 0 && Array.isArray(body) && body.length > maxBatchSize) {
      sendRequestError(
        response,
        400,
        `A batched request may hold at most ${maxBatchSize} operations; this one holds ${body.length}. ` +
          'Send them in several requests.',
        { code: 'BATCH_TOO_LARGE', maximum: maxBatchSize, actual: body.length },
      );
      return;
    }
    next();
  };
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}
