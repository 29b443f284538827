import { once } from 'node:events';

import cors from 'cors';
import express, { type Express, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';

import type { AppConfig } from '../config/config';
import { DomainError } from '../core/domain-error';
import type { ContextRequest, GraphQLContext } from '../graphql/context';
import {
  type ExportFormat,
  ExportRequestError,
  exportRows,
  isExportKindName,
  parseExportFilter,
} from '../import-export/bulk-export.service';
import { importCsv, isImportKindName } from '../import-export/bulk-import.service';
import { corsOptions } from './cors-policy';

export interface ImportExportDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  createContext(request: ContextRequest): Promise<GraphQLContext>;
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
  SERVICE_UNAVAILABLE: 503,
};

function sendError(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Known refusals with their status; anything else is logged and masked, as GraphQL does. */
function sendFailure(response: Response, error: unknown): void {
  if (response.headersSent) {
    // Half an export was sent: cut the connection, so the client sees an incomplete transfer
    // instead of a file that looks whole.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  if (error instanceof ExportRequestError) {
    sendError(response, 400, 'BAD_USER_INPUT', error.message);
  } else if (error instanceof DomainError) {
    sendError(response, STATUS_OF_CODE[error.code] ?? 500, error.code, error.message);
  } else if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    // Authentication answers GraphQL errors (bad token: UNAUTHENTICATED).
    const { code } = error.extensions;
    sendError(response, STATUS_OF_CODE[code] ?? 500, code, error.message);
  } else {
    console.error('[import-export]', error);
    sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error; it was logged.');
  }
}

function contextRequest(request: Request): ContextRequest {
  const requestId = request.headers['x-request-id'];
  return {
    authorization: request.headers.authorization,
    ip: request.ip ?? 'unknown',
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
  };
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
  { config, schema, createContext }: ImportExportDependencies,
): void {
  const crossOrigin = cors<cors.CorsRequest>(corsOptions(config.http));

  app.get('/exports/:file', crossOrigin, async (request, response) => {
    try {
      const match = /^(projects|members)\.(csv|ndjson)$/.exec(String(request.params.file));
      if (!match || !isExportKindName(match[1]!)) {
        sendError(
          response,
          404,
          'NOT_FOUND',
          'Exports are /exports/projects.csv, projects.ndjson, members.csv and members.ndjson',
        );
        return;
      }
      const kind = match[1]!;
      const format = match[2] as ExportFormat;
      const rawFilter = request.query.filter;
      if (rawFilter !== undefined && typeof rawFilter !== 'string') {
        throw new ExportRequestError('filter must be given once, as URL-encoded JSON');
      }
      const filter =
        rawFilter === undefined ? null : await parseExportFilter(schema, kind, rawFilter, 'filter');
      const { caller, dataSource } = await createContext(contextRequest(request));
      const separator = request.query.separator === ';' ? ';' : ',';
      response.status(200);
      response.setHeader('content-type', CONTENT_TYPES[format]);
      response.setHeader('content-disposition', `attachment; filename="${kind}.${format}"`);
      response.setHeader('cache-control', 'no-store');
      await exportRows(dataSource, kind, { caller, format, filter, separator }, async (chunk) => {
        if (response.destroyed) throw new Error('the client went away');
        if (response.write(chunk)) return;
        // Backpressure: wait for the client to read, or for it to hang up.
        await Promise.race([once(response, 'drain'), once(response, 'close')]);
        if (response.destroyed) throw new Error('the client went away');
      });
      response.end();
    } catch (error) {
      if (response.destroyed) return;
      sendFailure(response, error);
    }
  });

  app.post(
    '/imports',
    crossOrigin,
    express.raw({ type: () => true, limit: IMPORT_BODY_LIMIT }),
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
          contextRequest(request),
        );
        if (caller.kind !== 'token') {
          throw new DomainError(
            'UNAUTHENTICATED',
            'Imports need an API token: send Authorization: Bearer <token>',
          );
        }
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await importCsv(dataSource, kind, body, {
          source: `http ${requestId}`,
          caller,
          beforeCommit,
          afterCommit,
        });
        response.status(outcome.ok ? 200 : 422).json(outcome);
      } catch (error) {
        sendFailure(response, error);
      }
    },
  );
}
