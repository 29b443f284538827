import type { ErrorRequestHandler } from 'express';

import { logUnexpected } from '../graphql/format-error';
import type { Logger } from '../observability/logger';
import { sendRequestError } from './http-limits';
import { requestRecordOf } from './request-log';

/**
 * Last in the pipeline: an error that escaped a route (a bug, since routes answer the errors
 * they expect) is logged once with its request id and answered 500 in the shape of a GraphQL
 * error, without a stack trace; a half-sent answer is cut instead. Errors that carry a 4xx status
 * (a static file not found) keep Express's answer.
 */
export function unexpectedErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return next(error);
    const record = requestRecordOf(response);
    logUnexpected(logger, error, { requestId: record.requestId });
    record.errorCodes.push('INTERNAL_SERVER_ERROR');
    if (response.headersSent) {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    sendRequestError(response, 500, 'Unexpected error; it was logged.', {
      code: 'INTERNAL_SERVER_ERROR',
    });
  };
}
