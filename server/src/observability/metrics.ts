import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { KeptReadsStatistics } from '../database/query/kept-reads';

/** Pool figures a database driver can tell; SQLite has no pool and gives none. */
export interface PoolStatistics {
  inUse: number;
  idle: number;
  waiting: number;
}

/**
 * The Prometheus figures of one server. Each app has its own registry, so tests running
 * several servers in one process do not mix their counts.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly statements: Histogram;

  constructor(poolStatistics: () => PoolStatistics | null) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'polegraph_' });
    this.requests = new Counter({
      name: 'polegraph_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'polegraph_graphql_request_duration_seconds',
      help: 'Time from a GraphQL request arriving to its answer being sent',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'polegraph_graphql_errors_total',
      help: 'GraphQL errors answered, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    this.statements = new Histogram({
      name: 'polegraph_sql_statements_per_request',
      help: 'SQL statements sent to serve one GraphQL request',
      buckets: [0, 1, 2, 5, 10, 20, 50, 100],
      registers,
    });
    const pool = (name: string, help: string, read: (statistics: PoolStatistics) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const statistics = poolStatistics();
          if (statistics) this.set(read(statistics));
        },
      });
    pool('polegraph_db_pool_in_use', 'Database connections lent out', (s) => s.inUse);
    pool('polegraph_db_pool_idle', 'Database connections open and free', (s) => s.idle);
    pool(
      'polegraph_db_pool_waiting',
      'Requests waiting for a database connection',
      (s) => s.waiting,
    );
  }

  /** Reports the heavy lane's operations running and waiting (graphql/limits/heavy-operation-lane.ts). */
  watchHeavyLane(state: () => { running: number; waiting: number }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'polegraph_heavy_operations_running',
      help: 'Operations of HEAVY_QUERY_COST or more executing (at most MAX_CONCURRENT_HEAVY_EXECUTIONS)',
      registers,
      collect() {
        this.set(state().running);
      },
    });
    new Gauge({
      name: 'polegraph_heavy_operations_waiting',
      help: 'Operations of HEAVY_QUERY_COST or more waiting for their turn',
      registers,
      collect() {
        this.set(state().waiting);
      },
    });
  }

  /**
   * Reports whether this process hears the other processes' writes (the live event bus): 0 while
   * Redis cannot be reached, when subscribers miss other processes' changes and nothing is kept
   * between requests.
   */
  watchLiveEvents(heard: () => boolean): void {
    new Gauge({
      name: 'polegraph_live_events_heard',
      help: "1 while this process hears the other processes' writes (always without Redis), 0 while Redis cannot be reached",
      registers: [this.registry],
      collect() {
        this.set(heard() ? 1 : 0);
      },
    });
  }

  /**
   * Reports what the reads kept between requests did (database/query/kept-reads.ts), by kind
   * (`reference_tables`, `totals`): answers from memory, reads, entries dropped by writes.
   */
  watchKeptReads(kinds: Readonly<Record<string, () => Readonly<KeptReadsStatistics>>>): void {
    const registers = [this.registry];
    const counter = (name: string, help: string, read: (s: KeptReadsStatistics) => number) =>
      new Counter({
        name,
        help,
        labelNames: ['kind'],
        registers,
        collect() {
          this.reset();
          for (const [kind, statistics] of Object.entries(kinds)) {
            this.inc({ kind }, read(statistics()));
          }
        },
      });
    counter(
      'polegraph_kept_reads_hits_total',
      'Reads answered from what is kept between requests (READ_CACHE_MS)',
      (s) => s.hits,
    );
    counter(
      'polegraph_kept_reads_misses_total',
      'Reads of what is kept between requests that went to the database',
      (s) => s.misses,
    );
    counter(
      'polegraph_kept_reads_dropped_total',
      'Kept reads dropped because a write committed',
      (s) => s.dropped,
    );
  }

  /** Counts one answered GraphQL request. */
  recordRequest(
    operation: string,
    outcome: string,
    seconds: number,
    errorCodes: readonly string[],
    statements: number,
  ): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation, outcome }, seconds);
    for (const code of errorCodes) this.errors.inc({ code });
    this.statements.observe(statements);
  }

  /** The text a Prometheus scraper reads. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
