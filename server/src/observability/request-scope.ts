import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What is known of one HTTP request while it runs, filled by the layers it goes through (the
 * request log, Apollo's plugin, the SQL statement log) and written once in its log line and
 * metrics when the response is sent.
 */
export interface RequestRecord {
  requestId: string;
  startedAt: bigint;
  operationName?: string;
  /** `anonymous`, or the token's name and role; never the token. */
  caller?: { name: string; role?: string };
  /** Codes of the GraphQL errors answered (`extensions.code`). */
  errorCodes: string[];
  /** SQL statements sent while serving it. */
  statements: number;
}

const scope = new AsyncLocalStorage<RequestRecord>();

/** Runs `work` (and everything it awaits) as part of `record`'s request. */
export function runInRequest<T>(record: RequestRecord, work: () => T): T {
  return scope.run(record, work);
}

/** The request being served, if any (the statement log counts statements into it). */
export function currentRequest(): RequestRecord | undefined {
  return scope.getStore();
}
