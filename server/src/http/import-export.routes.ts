import cors from 'cors';
import express, { type Express, type RequestHandler, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';

import type { Caller } from '../auth/roles';
import type { AppConfig } from '../config/config';
import { DomainError } from '../core/domain-error';
import type { ContextRequest, GraphQLContext } from '../graphql/context';
import { httpStatusOf, logUnexpected } from '../graphql/format-error';
import { rateLimited } from '../graphql/limits/limit-errors';
import { type ExportFormat, exportRows } from '../import-export/bulk-export.service';
import { importCsv, isImportKindName } from '../import-export/bulk-import.service';
import { parseExportFilter } from '../import-export/export-filter';
import { ExportRequestError, isExportKindName } from '../import-export/export-kind';
import type { Logger } from '../observability/logger';
import { type RateLimiter, rateLimitHeaders } from '../rate-limit/rate-limiter';
import { corsOptions } from './cors-policy';
import { sendRequestError } from './http-limits';
import { requestRecordOf } from './request-log';

export interface ImportExportDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  createContext(request: ContextRequest): Promise<GraphQLContext>;
  logger: Logger;
  rateLimiter: RateLimiter;
  /** The bound on concurrent executions that /graphql also goes through. */
  executionGate: RequestHandler;
}

/** The largest CSV file `POST /imports` accepts (about 300,000 member lines). */
const IMPORT_BODY_LIMIT = '64mb';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** HTTP status of each error code these endpoints answer with. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Answers a failure as /graphql would: a known refusal with its code and status (503 with
 * Retry-After when the database is out of reach), anything else logged once with the request
 * id and masked. Every answer carries `extensions.requestId`.
 */
function sendFailure(response: Response, error: unknown, logger: Logger): void {
  const record = requestRecordOf(response);
  const code =
    error instanceof ExportRequestError
      ? 'BAD_USER_INPUT'
      : error instanceof DomainError
        ? error.code
        : error instanceof GraphQLError && typeof error.extensions.code === 'string'
          ? error.extensions.code
          : undefined;
  if (code === undefined || STATUS_OF_CODE[code] === undefined) {
    logUnexpected(logger, error, { requestId: record.requestId });
  }
  if (response.headersSent) {
    // Half an export was sent: cut the connection, so the client sees an incomplete transfer
    // instead of a file that looks whole.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  const status = code === undefined ? undefined : STATUS_OF_CODE[code];
  if (code === undefined || status === undefined) {
    record.errorCodes.push('INTERNAL_SERVER_ERROR');
    sendRequestError(response, 500, 'Unexpected error; it was logged.', {
      code: 'INTERNAL_SERVER_ERROR',
    });
    return;
  }
  record.errorCodes.push(code);
  const { retryAfter } = httpStatusOf(code);
  if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
  const extra =
    error instanceof GraphQLError && code === 'RATE_LIMITED'
      ? { retryAfter: error.extensions.retryAfter }
      : {};
  sendRequestError(response, status, (error as Error).message, { code, ...extra });
}

function contextRequest(response: Response, authorization: string | undefined, ip?: string) {
  return {
    authorization,
    ip: ip ?? 'unknown',
    requestId: requestRecordOf(response).requestId,
  } satisfies ContextRequest;
}

/** Points per exported row and per imported line: the cost model's object and mutation. */
const POINTS_PER_EXPORTED_ROW = 1;
const POINTS_PER_IMPORTED_LINE = 10;

/**
 * Exports and imports take from the same bucket as /graphql, priced by the cost model once their
 * size is known: 1 point per exported row (each object returned), 10 per imported line (a
 * mutation). Admission takes 1 point, as every request does, and is refused with RATE_LIMITED
 * (429, Retry-After) when the bucket is empty; the rest is charged when the work is done, down
 * to an empty bucket at most, so a full export is followed by the refill's wait.
 */
async function admitBulkRequest(
  rateLimiter: RateLimiter,
  caller: Caller,
  response: Response,
): Promise<void> {
  const status = await rateLimiter.take(caller, 1);
  for (const [name, value] of rateLimitHeaders(status)) response.setHeader(name, value);
  if (!status.allowed) throw rateLimited(status);
}

/**
 * `GET /exports/{projects|members}.{csv|ndjson}?filter=<json>`: the whole filtered list,
 * streamed, with the caller's rights (anonymous callers get the public columns).
 * `POST /imports?kind=projects|members|memberships` with the CSV file as the body: a token is
 * required and each line is written with the rights of the mutation it stands for; answers
 * the JSON report (200 imported, 422 refused with every problem by line).
 */
export function mountImportExport(
  app: Express,
  { config, schema, createContext, logger, rateLimiter, executionGate }: ImportExportDependencies,
): void {
  const crossOrigin = cors<cors.CorsRequest>(corsOptions(config.http));

  app.get('/exports/:file', crossOrigin, executionGate, async (request, response) => {
    try {
      const match = /^(projects|members)\.(csv|ndjson)$/.exec(String(request.params.file));
      if (!match || !isExportKindName(match[1]!)) {
        throw new DomainError(
          'NOT_FOUND',
          'Exports are /exports/projects.csv, projects.ndjson, members.csv and members.ndjson',
        );
      }
      const kind = match[1]!;
      const format = match[2] as ExportFormat;
      const rawFilter = request.query.filter;
      if (rawFilter !== undefined && typeof rawFilter !== 'string') {
        throw new ExportRequestError('filter must be given once, as URL-encoded JSON');
      }
      const filter =
        rawFilter === undefined ? null : await parseExportFilter(schema, kind, rawFilter, 'filter');
      const { caller, dataSource } = await createContext(
        contextRequest(response, request.headers.authorization, request.ip),
      );
      await admitBulkRequest(rateLimiter, caller, response);
      const separator = request.query.separator === ';' ? ';' : ',';
      response.status(200);
      response.setHeader('content-type', CONTENT_TYPES[format]);
      response.setHeader('content-disposition', `attachment; filename="${kind}.${format}"`);
      response.setHeader('cache-control', 'no-store');
      const { rows } = await exportRows(
        dataSource,
        kind,
        { caller, format, filter, separator },
        async (chunk) => {
          if (response.destroyed) throw new Error('the client went away');
          if (response.write(chunk)) return;
          await drainedOrClosed(response);
          if (response.destroyed) throw new Error('the client went away');
        },
      );
      response.end();
      await rateLimiter.charge(caller, rows * POINTS_PER_EXPORTED_ROW - 1);
    } catch (error) {
      if (response.destroyed) return;
      sendFailure(response, error, logger);
    }
  });

  app.post(
    '/imports',
    crossOrigin,
    express.raw({ type: () => true, limit: IMPORT_BODY_LIMIT }),
    executionGate,
    async (request, response) => {
      try {
        const kind = String(request.query.kind ?? '');
        if (!isImportKindName(kind)) {
          throw new DomainError(
            'BAD_USER_INPUT',
            'kind must be projects, members or memberships: POST /imports?kind=members',
          );
        }
        const { caller, dataSource, requestId, beforeCommit, afterCommit } = await createContext(
          contextRequest(response, request.headers.authorization, request.ip),
        );
        if (caller.kind !== 'token') {
          throw new DomainError(
            'UNAUTHENTICATED',
            'Imports need an API token: send Authorization: Bearer <token>',
          );
        }
        await admitBulkRequest(rateLimiter, caller, response);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await importCsv(dataSource, kind, body, {
          source: `http ${requestId}`,
          caller,
          beforeCommit,
          afterCommit,
        });
        const charged = await rateLimiter.charge(
          caller,
          outcome.imported * POINTS_PER_IMPORTED_LINE - 1,
        );
        for (const [name, value] of rateLimitHeaders(charged)) response.setHeader(name, value);
        response.status(outcome.ok ? 200 : 422).json(outcome);
      } catch (error) {
        sendFailure(response, error, logger);
      }
    },
  );
}

/**
 * Backpressure: resolves when the client has read what was written, or has hung up. Both
 * listeners go once either fires (racing two `once()`s left the loser's listeners on the
 * response: one more per wait, which a long export runs into by the hundred).
 */
function drainedOrClosed(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}
