import type { OperationDefinitionNode } from 'graphql';

import type { RateLimitStatus } from './rate-limiter';

/**
 * The status each operation left, for the `rateLimit` query to read. Keyed by the request's
 * context, then by operation: the operations of one batched HTTP request share a context.
 */
const statusesByContext = new WeakMap<object, Map<OperationDefinitionNode, RateLimitStatus>>();

export function recordRateLimitStatus(
  context: object,
  operation: OperationDefinitionNode,
  status: RateLimitStatus,
): void {
  let statuses = statusesByContext.get(context);
  if (!statuses) {
    statuses = new Map();
    statusesByContext.set(context, statuses);
  }
  statuses.set(operation, status);
}

export function rateLimitStatusOf(
  context: object,
  operation: OperationDefinitionNode,
): RateLimitStatus | null {
  return statusesByContext.get(context)?.get(operation) ?? null;
}
