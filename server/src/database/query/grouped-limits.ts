/**
 * The largest `first` a statistics query accepts: the most groups one grouped statement returns.
 * Beside the list engine's other ceilings, so that the statistics compiler that enforces it and
 * the cost model that prices it (graphql/limits/query-cost.ts) read it from below both.
 */
export const MAX_STATS_GROUPS = 1000;
