import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { rateLimitStatusOf } from '../rate-limit/request-rate-limit';
import { RateLimit } from './rate-limit.types';

@Resolver(() => RateLimit)
export class RateLimitResolver {
  @Query(() => RateLimit, {
    nullable: true,
    description:
      'The caller’s rate limit after this query: its cost, the points left and when the bucket is ' +
      'full again. Null only where the server runs without its HTTP layer.',
  })
  rateLimit(@Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): RateLimit | null {
    const status = rateLimitStatusOf(context, info.operation);
    if (!status) return null;
    const { cost, limit, remaining, restoreRate, resetAt } = status;
    return Object.assign(new RateLimit(), { cost, limit, remaining, restoreRate, resetAt });
  }
}
