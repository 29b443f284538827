import { AsyncLocalStorage } from 'node:async_hooks';

/** What the port remembers of one request: whether it has written yet. */
interface DatabaseSession {
  wrote: boolean;
}

const sessions = new AsyncLocalStorage<DatabaseSession>();

/**
 * Runs `work` (one request) in a session of its own, so that once it writes, its later reads go
 * to the primary and see the write even when replicas lag (read-your-writes). Outside any
 * session (command-line tools, tests calling services directly) reads go to the replicas.
 */
export function runInDatabaseSession<T>(work: () => T): T {
  return sessions.run({ wrote: false }, work);
}

/** The transaction that is starting belongs to the current request: its reads now stay on the primary. */
export function noteWrite(): void {
  const session = sessions.getStore();
  if (session) session.wrote = true;
}

/** Whether the current request has written (its reads must see the primary). */
export function sessionHasWritten(): boolean {
  return sessions.getStore()?.wrote ?? false;
}
