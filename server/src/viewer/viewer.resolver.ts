import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { RateLimitResolver } from './rate-limit.resolver';
import { describeCallerScope } from './viewer.service';
import { Viewer, ViewerRole } from './viewer.types';

@Resolver(() => Viewer)
export class ViewerResolver {
  private readonly rateLimits = new RateLimitResolver();

  @Query(() => Viewer, {
    description:
      'Who the request is from: the token’s role (ANONYMOUS without a token), name, scope and rate limit.',
  })
  async viewer(@Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Viewer> {
    const { caller } = context;
    return Object.assign(new Viewer(), {
      role: caller.kind === 'anonymous' ? ViewerRole.ANONYMOUS : caller.role,
      tokenName: caller.kind === 'anonymous' ? null : caller.name,
      scope: await describeCallerScope(context.dataSource.manager, caller),
      rateLimit: this.rateLimits.rateLimit(context, info),
    });
  }
}
