import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

import { rateLimitHeaders, type RateLimitStatus } from '../../rate-limit/rate-limiter';

/** The limit an operation went over, named in `extensions.limit` of QUERY_TOO_COMPLEX. */
export type QueryLimit = 'depth' | 'aliases' | 'rootFields' | 'cost' | 'selections';

/**
 * An operation refused before it runs: too deep, too many aliases or root fields, or too
 * costly. HTTP 400, code QUERY_TOO_COMPLEX, with the limit, its maximum and the actual value.
 */
export function queryTooComplex(
  limit: QueryLimit,
  maximum: number,
  actual: number,
  message: string,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, actual, http: { status: 400 } },
  });
}

/** A request refused because its caller's bucket lacks its cost: HTTP 429 with Retry-After. */
export function rateLimited(status: RateLimitStatus): GraphQLError {
  return new GraphQLError(
    `Rate limit exceeded: this request costs ${points(status.cost)} and ${status.remaining} of ` +
      `${status.limit} are left; ${status.restoreRate} points come back every second. ` +
      `Retry in ${status.retryAfterSeconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: status.retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap(rateLimitHeaders(status)) },
      },
    },
  );
}

function points(count: number): string {
  return count === 1 ? '1 point' : `${count} points`;
}
