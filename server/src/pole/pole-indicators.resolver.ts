import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { GraphQLContext } from '../graphql/context';
import { Pole } from './pole.entity';
import { loadPoleIndicators } from './pole-indicators.service';
import { PoleIndicators } from './pole-indicators.types';

@Resolver(() => Pole)
export class PoleIndicatorsResolver {
  @FieldResolver(() => PoleIndicators, {
    description:
      'The figures the selection criteria look at for one year (indicateurs de labellisation): active ' +
      'members by category, share of SMEs, private funding share, and the projects accompanied during the ' +
      'labelling phase of that year. Batched: every pole of a list costs the same few statements.',
  })
  indicators(
    @Root() pole: Pole,
    @Arg('year', () => Int, { description: 'The calendar year, e.g. 2024 (exercice).' })
    year: number,
    @Ctx() context: GraphQLContext,
  ): Promise<PoleIndicators> {
    return loadPoleIndicators(context, pole.id, year);
  }
}
