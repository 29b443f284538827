import { Field, Float, Int, ObjectType } from 'type-graphql';

import { DateTimeScalar } from '../database/entity/scalars/date.scalar';

@ObjectType({
  description:
    'Where the caller stands with the rate limit (as GitHub’s `rateLimit`): each API token, or ' +
    'each IP address for anonymous callers, has a bucket of cost points that refills at ' +
    '`restoreRate` points per second; every request takes its cost, computed before it runs. ' +
    'The same figures come in `extensions.cost` and the `X-RateLimit-*` headers of every response.',
})
export class RateLimit {
  @Field(() => Int, { description: 'Points this query cost, taken from the bucket before it ran.' })
  cost!: number;

  @Field(() => Int, { description: 'Points a full bucket holds.' })
  limit!: number;

  @Field(() => Int, { description: 'Points left in the bucket after this query.' })
  remaining!: number;

  @Field(() => Float, { description: 'Points given back to the bucket every second.' })
  restoreRate!: number;

  @Field(() => DateTimeScalar, { description: 'When the bucket will be full again.' })
  resetAt!: Date;
}
