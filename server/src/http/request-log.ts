import { randomUUID } from 'node:crypto';

import type { NextFunction, Request, RequestHandler, Response } from 'express';

import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { type RequestRecord, runInRequest } from '../observability/request-scope';
import type { Tracing } from '../observability/tracing';

/** A caller's request id is kept when it is a plain token of reasonable length. */
const REQUEST_ID = /^[\w.:@/+=-]{1,64}$/;
/** Operation names are the caller's words: past this many distinct ones, metrics say `other`. */
const MAX_OPERATION_LABELS = 500;
/** Probes come every few seconds; their lines would drown the requests. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The record of the request `response` answers (set by `requestLog`). */
export function requestRecordOf(response: Response): RequestRecord {
  return response.locals.requestRecord as RequestRecord;
}

/**
 * First in the pipeline: gives each request its id (the caller's `X-Request-Id`, or a new
 * one), echoes it in the `X-Request-Id` response header, and writes one log line and the
 * metrics when the answer is sent (or the connection is lost).
 */
export function requestLog(logger: Logger, metrics: Metrics | null): RequestHandler {
  const operationLabels = new Set<string>();
  const label = (name: string | undefined) => {
    if (!name) return 'anonymous';
    if (operationLabels.has(name)) return name;
    if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
    operationLabels.add(name);
    return name;
  };
  return (request: Request, response: Response, next: NextFunction) => {
    const given = request.headers['x-request-id'];
    const candidate = Array.isArray(given) ? given[0] : given;
    const record: RequestRecord = {
      requestId: candidate && REQUEST_ID.test(candidate) ? candidate : randomUUID(),
      startedAt: process.hrtime.bigint(),
      errorCodes: [],
      statements: 0,
    };
    response.locals.requestRecord = record;
    response.setHeader('X-Request-Id', record.requestId);
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
      const path = pathOf(request.originalUrl);
      const graphql = path === '/graphql' || path === '/graphql/';
      const outcome = outcomeOf(response, record);
      const line = {
        requestId: record.requestId,
        method: request.method,
        path,
        status: response.writableFinished ? response.statusCode : null,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
        outcome,
        ...(record.operationName !== undefined && { operation: record.operationName }),
        ...(record.caller && { caller: record.caller }),
        ...(record.errorCodes.length > 0 && { errorCodes: record.errorCodes }),
        ...(graphql && { statements: record.statements }),
      };
      if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
      if (graphql && metrics) {
        metrics.recordRequest(
          label(record.operationName),
          outcome,
          seconds,
          record.errorCodes,
          record.statements,
        );
      }
    };
    response.once('finish', write);
    response.once('close', write);
    next();
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** `ok`, `error` (answered with GraphQL errors), `refused` (4xx), `failed` (5xx), `aborted`. */
function outcomeOf(response: Response, record: RequestRecord): string {
  if (!response.writableFinished) return 'aborted';
  if (response.statusCode >= 500) return 'failed';
  if (response.statusCode >= 400) return 'refused';
  return record.errorCodes.length > 0 ? 'error' : 'ok';
}

/**
 * Just before Apollo (after the body is read, whose stream events would lose it): makes the
 * request's record the current one for everything its execution awaits (statement counts),
 * inside the request's trace span.
 */
export function requestScope(tracing: Tracing): RequestHandler {
  return (request, response, next) => {
    const record = requestRecordOf(response);
    runInRequest(record, () => {
      if (!tracing.enabled) return next();
      void tracing.inSpan(
        `${request.method} /graphql`,
        { 'http.request.method': request.method, 'polegraph.request_id': record.requestId },
        () =>
          new Promise<void>((resolve) => {
            response.once('close', resolve);
            next();
          }),
      );
    });
  };
}
