import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';

import { FUNDING_PROGRAMME_COLLECTION } from '../funding-programme/funding-programme.collection';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { recordById } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { selectedStatisticsMeasures } from '../graphql/selected-fields';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { Pole } from '../pole/pole.entity';
import { REGION_COLLECTION } from '../region/region.collection';
import { Region } from '../region/region.entity';
import { THEME_COLLECTION } from '../theme/theme.collection';
import { Theme } from '../theme/theme.entity';
import { memberStats } from './member-stats.service';
import { MemberStatsArgs, MemberStatsGroup, MemberStatsKey } from './member-stats.types';
import { projectStats } from './project-stats.service';
import { ProjectStatsArgs, ProjectStatsGroup, ProjectStatsKey } from './project-stats.types';

@Resolver()
export class StatisticsResolver {
  @Query(() => [ProjectStatsGroup], {
    description:
      'Projects grouped by any combination of status, programme, region, lead pole, theme and period, with ' +
      'counts, distinct partner members and sums, averages, minimums and maximums of the amounts ' +
      '(tableau de bord des projets), filtered like `projects`, kept by `having` and sorted by any aggregate. ' +
      'Computed in one SQL statement. Grouped by THEME, a project counts once in each of its themes.',
  })
  projectStats(
    @Args(() => ProjectStatsArgs) args: ProjectStatsArgs,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return projectStats(
      context.dataSource,
      { ...args, measures: selectedStatisticsMeasures(info) },
      context.access,
      context.keptTotals,
    );
  }

  @Query(() => [MemberStatsGroup], {
    description:
      'Members (adhérents) grouped by category, region, pole or year of joining, with counts and shares of ' +
      'all members matching the filter (répartition des adhérents). Computed in one SQL statement.',
  })
  memberStats(@Args(() => MemberStatsArgs) args: MemberStatsArgs, @Ctx() context: GraphQLContext) {
    return memberStats(context.dataSource, args, context.access, context.keptTotals);
  }
}

@Resolver(() => ProjectStatsKey)
export class ProjectStatsKeyResolver {
  @FieldResolver(() => FundingProgramme, {
    nullable: true,
    description: 'The funding programme, when grouped by PROGRAMME.',
  })
  programme(
    @Root() key: ProjectStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, FUNDING_PROGRAMME_COLLECTION, key.programmeId, info);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region of the lead pole’s headquarters, when grouped by REGION.',
  })
  region(
    @Root() key: ProjectStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, REGION_COLLECTION, key.regionId, info);
  }

  @FieldResolver(() => Pole, {
    nullable: true,
    description: 'The lead pole (pôle porteur), when grouped by POLE.',
  })
  pole(
    @Root() key: ProjectStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, key.poleId, info);
  }

  @FieldResolver(() => Theme, {
    nullable: true,
    description:
      'The theme, when grouped by THEME; null for the group of projects without a theme.',
  })
  theme(
    @Root() key: ProjectStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, THEME_COLLECTION, key.themeId, info);
  }
}

@Resolver(() => MemberStatsKey)
export class MemberStatsKeyResolver {
  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The region where the members are located, when grouped by REGION.',
  })
  region(
    @Root() key: MemberStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, REGION_COLLECTION, key.regionId, info);
  }

  @FieldResolver(() => Pole, {
    nullable: true,
    description: 'The pole of the active memberships, when grouped by POLE.',
  })
  pole(
    @Root() key: MemberStatsKey,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordById(context, POLE_COLLECTION, key.poleId, info);
  }
}
