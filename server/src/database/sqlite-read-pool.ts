import { type ChildProcess, spawn } from 'node:child_process';

import { queryTimeout } from './database-errors';
import { deadline } from './deadline';
import { createFold } from './query/sql-dialect';
import { rowObjects } from './sqlite-rows';

/**
 * The code each read worker runs: one read-only better-sqlite3 connection to the database file
 * (WAL: it sees every committed write, never an uncommitted one), with the same `fold()` as the
 * main connection, answering one statement at a time. Plain JavaScript run with `node -e`, so it
 * runs the same from the compiled server and from the TypeScript tests.
 */
const WORKER_SOURCE = `
const workerData = JSON.parse(process.env.POLEGRAPH_SQLITE_READER);
const parentPort = { postMessage: (message) => process.send(message) };
process.on('disconnect', () => process.exit(0));
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.function('fold', { deterministic: true }, (${createFold.toString()})());
const statements = new Map();
process.on('message', ({ sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= 500) statements.clear();
      statements.set(sql, statement);
    }
    if (!statement.reader) throw new Error('A read worker only runs statements that return rows');
    // Rows as arrays, the column names once: see WorkerReply.
    statement.raw(true);
    // Wall time (process.cpuUsage() is a system call, dearer than the reads it would time).
    const started = performance.now();
    const rows = statement.all(...params);
    const ms = performance.now() - started;
    parentPort.postMessage({ columns: statement.columns().map((column) => column.name), rows, ms });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/**
 * A worker only turns rows into a message: V8's default young generation (16 MB semi-spaces,
 * up to 48 MB) stayed allocated in each worker after the first large answers (workers at 75–100
 * MB RSS after the benchmark's national overview); 2 MB semi-spaces keep them near Node's
 * baseline.
 */
const WORKER_V8_FLAGS = ['--max-semi-space-size=2'];

/**
 * How long a worker beyond the first may stay idle before it is ended, in ms. A second worker is
 * started when a read finds the first busy; once the burst is over it would hold its ≈ 60 MB
 * (its own V8 heap, SQLite's page cache, the node binary's pages counted again) for nothing.
 * Starting one again costs ≈ 150 ms of CPU (Node and the driver loading, measured), at most once
 * per this interval.
 */
export const IDLE_WORKER_MS = 10_000;

/** The rows of a read, and the ms SQLite took on them in the worker (without the trip). */
export interface TimedRows {
  rows: Record<string, unknown>[];
  ms: number;
}

interface Job {
  sql: string;
  params: unknown[];
  budgetMs: number;
  resolve(result: TimedRows): void;
  reject(error: unknown): void;
}

/**
 * A worker's answer travels as JSON (SQLite gives numbers, strings and nulls only), its rows as
 * arrays under the column names sent once: the main thread, which every request shares, parses
 * 2,000 seven-column rows in 0.8 ms so and rebuilds them in 0.5 ms, where V8's structured clone
 * of the same rows as objects took 4.1 ms to deserialize.
 */
interface WorkerReply {
  columns?: string[];
  rows?: unknown[][];
  ms?: number;
  error?: { message: string; code?: string };
}

/** A failure SQLite reported in a worker (bad SQL, missing table): an ordinary error. */
export class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly sql: string,
  ) {
    super(message);
    this.name = 'SqliteReadError';
  }
}

/**
 * better-sqlite3 is synchronous: a statement run on the main thread freezes the event loop for
 * every caller. This pool runs reads on up to `size` workers instead, so a slow read delays no
 * one else, and enforces each read's time budget by ending the worker that overran it; a fresh
 * worker replaces it on the next read. Reads beyond `size` wait in order for a free worker.
 *
 * The workers are child processes rather than worker threads: better-sqlite3 offers no
 * `sqlite3_interrupt`, and a worker thread inside SQLite's C code cannot be terminated until the
 * statement returns (measured: `worker.terminate()` of a thread counting a recursive CTE waited
 * for the whole statement, and so did the process's exit). A process is ended at once by SIGKILL,
 * so an abandoned read stops using a core and its read snapshot the moment its budget is spent.
 */
export class SqliteReadPool {
  private readonly idle: ChildProcess[] = [];
  private readonly busy = new Set<ChildProcess>();
  private readonly waiting: Job[] = [];
  private readonly driverPath = require.resolve('better-sqlite3');
  private closed = false;
  /** Ends the workers beyond the first that have been idle for `idleWorkerMs`. */
  private retireTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly idleWorkerMs = IDLE_WORKER_MS,
  ) {}

  read(sql: string, params: readonly unknown[], budgetMs: number): Promise<TimedRows> {
    if (this.closed) return Promise.reject(new Error('The SQLite read pool is closed'));
    // better-sqlite3 binds no booleans (TypeORM converts them the same way).
    const bound = params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    return new Promise((resolve, reject) => {
      this.waiting.push({ sql, params: bound, budgetMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers alive now (idle or busy); for tests and metrics. */
  get workerCount(): number {
    return this.idle.length + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retireTimer) clearTimeout(this.retireTimer);
    for (const job of this.waiting.splice(0))
      job.reject(new Error('The SQLite read pool was closed'));
    const workers = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    for (const worker of workers) worker.kill('SIGKILL');
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.workerCount < this.size ? this.spawn() : undefined);
      if (!worker) return;
      this.run(worker, this.waiting.shift()!);
    }
  }

  /**
   * Checks, `idleWorkerMs` after a worker went idle, for workers beyond the first still idle since
   * then, and ends them (the least recently used first: `idle` is used from its end).
   */
  private scheduleRetirement(): void {
    if (this.retireTimer || this.workerCount <= 1) return;
    this.retireTimer = setTimeout(() => {
      this.retireTimer = undefined;
      const now = performance.now();
      while (this.workerCount > 1 && this.idle.length > 0) {
        const oldest = this.idle[0];
        if (now - (idleSince.get(oldest) ?? now) < this.idleWorkerMs) break;
        this.idle.shift();
        oldest.kill('SIGKILL');
      }
      if (this.idle.length > 0) this.scheduleRetirement();
    }, this.idleWorkerMs);
    // A pending retirement does not keep a finished command-line tool alive.
    this.retireTimer.unref();
  }

  private spawn(): ChildProcess {
    const worker = spawn(process.execPath, [...WORKER_V8_FLAGS, '-e', WORKER_SOURCE], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // JSON: cheaper to parse on the main thread than structured clones (see WorkerReply).
      serialization: 'json',
      env: {
        ...process.env,
        POLEGRAPH_SQLITE_READER: JSON.stringify({ path: this.path, driverPath: this.driverPath }),
      },
    });
    // An idle worker must not keep a finished command-line tool alive; a busy one does.
    unref(worker);
    return worker;
  }

  private run(worker: ChildProcess, job: Job): void {
    this.busy.add(worker);
    worker.ref();
    worker.channel?.ref();
    let cancelDeadline: (() => void) | undefined;
    const finish = (keep: boolean) => {
      cancelDeadline?.();
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy.delete(worker);
      if (keep && !this.closed) {
        unref(worker);
        idleSince.set(worker, performance.now());
        this.idle.push(worker);
        this.scheduleRetirement();
      } else {
        worker.kill('SIGKILL');
      }
      this.dispatch();
    };
    const onMessage = (reply: WorkerReply) => {
      finish(true);
      if (reply.error)
        job.reject(new SqliteReadError(reply.error.message, reply.error.code, job.sql));
      else
        job.resolve({
          rows: rowObjects(reply.columns ?? [], reply.rows ?? []),
          ms: reply.ms ?? Number.POSITIVE_INFINITY,
        });
    };
    const onError = (error: Error) => {
      finish(false);
      job.reject(error);
    };
    const onExit = () => {
      finish(false);
      job.reject(new Error('A SQLite read worker stopped during a read'));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (job.budgetMs > 0) {
      // An answer that came in time is read first, even from a main thread busy past the budget.
      cancelDeadline = deadline(job.budgetMs, () => {
        // Abandon the read: the worker is inside SQLite; end it and start afresh.
        finish(false);
        job.reject(queryTimeout(job.budgetMs));
      });
    }
    worker.send({ sql: job.sql, params: job.params });
  }
}

/** When each idle worker last finished a read. */
const idleSince = new WeakMap<ChildProcess, number>();

function unref(worker: ChildProcess): void {
  worker.unref();
  worker.channel?.unref();
}
