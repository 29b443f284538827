import type { NextFunction, Request, Response } from 'express';

import type { Logger } from '../observability/logger';
import { unexpectedErrors } from './unexpected-errors';

function fakeResponse(headersSent = false) {
  const response = {
    headersSent,
    locals: { requestRecord: { requestId: 'req-1', errorCodes: [] as string[] } },
    getHeader: jest.fn(() => 'req-1'),
    status: jest.fn(),
    json: jest.fn(),
    destroy: jest.fn(),
  };
  response.status.mockReturnValue(response);
  return response;
}

describe('unexpectedErrors', () => {
  const logger = { error: jest.fn() } as unknown as Logger & { error: jest.Mock };
  const handle = unexpectedErrors(logger);
  const next = jest.fn() as NextFunction;
  beforeEach(() => jest.clearAllMocks());

  it('logs an escaped error with its request id and answers 500 without its stack', () => {
    const response = fakeResponse();
    handle(new TypeError('boom'), {} as Request, response as unknown as Response, next);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: 'req-1', err: expect.any(TypeError) }),
      'unexpected error',
    );
    expect(response.status).toHaveBeenCalledWith(500);
    expect(response.json).toHaveBeenCalledWith({
      errors: [
        {
          message: 'Unexpected error; it was logged.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
        },
      ],
    });
    expect(response.locals.requestRecord.errorCodes).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(next).not.toHaveBeenCalled();
  });

  it('cuts an answer already under way instead of appending to it', () => {
    const response = fakeResponse(true);
    handle(new Error('late'), {} as Request, response as unknown as Response, next);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(response.destroy).toHaveBeenCalled();
    expect(response.status).not.toHaveBeenCalled();
  });

  it("leaves a 4xx error (a static file not found) to Express's answer", () => {
    const response = fakeResponse();
    const notFound = Object.assign(new Error('Not Found'), { status: 404 });
    handle(notFound, {} as Request, response as unknown as Response, next);
    expect(next).toHaveBeenCalledWith(notFound);
    expect(logger.error).not.toHaveBeenCalled();
  });
});
