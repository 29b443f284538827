import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { MAX_STATS_GROUPS } from '../database/query/grouped-limits';
import { filterInputType } from '../graphql/collection-types';
import { IntFilter } from '../graphql/filters/operator-filters';
import { OrderDirection } from '../graphql/relay/connection';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { MemberCategory } from '../member/member.enums';

export enum MemberGroupBy {
  CATEGORY = 'CATEGORY',
  REGION = 'REGION',
  POLE = 'POLE',
  JOIN_YEAR = 'JOIN_YEAR',
}

registerEnumType(MemberGroupBy, {
  name: 'MemberGroupBy',
  description:
    'What members can be grouped by in `memberStats` (ventilation des adhérents). POLE and JOIN_YEAR read ' +
    'the active memberships (adhésions en cours, no end date): a member with several counts once in each of ' +
    'their groups, and a member with none is left out of those groupings.',
  valuesConfig: {
    CATEGORY: { description: 'The member’s category (TPE, PME, ETI, GE, recherche, formation…).' },
    REGION: { description: 'The region where the member is located (région d’implantation).' },
    POLE: { description: 'The pole of each active membership (pôle d’adhésion).' },
    JOIN_YEAR: { description: 'The year each active membership started (année d’adhésion).' },
  },
});

export enum MemberStatsOrderField {
  COUNT = 'COUNT',
  CATEGORY = 'CATEGORY',
  REGION = 'REGION',
  POLE = 'POLE',
  JOIN_YEAR = 'JOIN_YEAR',
}

registerEnumType(MemberStatsOrderField, {
  name: 'MemberStatsOrderField',
  description:
    'What `memberStats` groups can be sorted on: the count, or a key the groups are made on.',
  valuesConfig: {
    COUNT: { description: 'Number of members in the group (the share sorts the same way).' },
    CATEGORY: { description: 'The category, by its code (A→Z); only when grouped by CATEGORY.' },
    REGION: { description: 'The region, by its databaseId; only when grouped by REGION.' },
    POLE: { description: 'The pole, by its databaseId; only when grouped by POLE.' },
    JOIN_YEAR: { description: 'The year of joining; only when grouped by JOIN_YEAR.' },
  },
});

@InputType('MemberStatsOrder', {
  description:
    'One sort key for `memberStats` groups. After the keys given, groups are always sorted by their group ' +
    'keys ascending, so the order is stable.',
})
export class MemberStatsOrder {
  @Field(() => MemberStatsOrderField, { description: 'The count or group key to sort on.' })
  field!: MemberStatsOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: 'Ascending or descending.',
  })
  direction!: OrderDirection;
}

@InputType('MemberStatsHaving', {
  description:
    'Which groups to keep, by their count (SQL HAVING), e.g. `{ count: { gte: 50 } }`. Every condition ' +
    'given must hold; use `or` for alternatives and `not` to exclude.',
})
export class MemberStatsHaving {
  @Field(() => IntFilter, {
    nullable: true,
    description: 'Condition on the number of members of the group.',
  })
  count?: Record<string, unknown> | null;

  @Field(() => [MemberStatsHaving], {
    nullable: true,
    description: 'Every one of these conditions holds.',
  })
  and?: MemberStatsHaving[] | null;

  @Field(() => [MemberStatsHaving], {
    nullable: true,
    description: 'At least one of these conditions holds.',
  })
  or?: MemberStatsHaving[] | null;

  @Field(() => MemberStatsHaving, { nullable: true, description: 'This condition does not hold.' })
  not?: MemberStatsHaving | null;
}

@ArgsType()
export class MemberStatsArgs {
  @Field(() => filterInputType(MEMBER_COLLECTION), {
    nullable: true,
    description: 'Which members to count: the same filter as the `members` list.',
  })
  filter?: Record<string, unknown> | null;

  @Field(() => [MemberGroupBy], {
    description:
      'The keys to group on, in any combination; an empty list makes one group of every member.',
  })
  groupBy!: MemberGroupBy[];

  @Field(() => MemberStatsHaving, {
    nullable: true,
    description: 'Which groups to keep, by their count (HAVING).',
  })
  having?: Record<string, unknown> | null;

  @Field(() => [MemberStatsOrder], {
    nullable: true,
    description: 'Sort keys, most significant first; by default the group keys ascending.',
  })
  orderBy?: MemberStatsOrder[] | null;

  @Field(() => Int, {
    defaultValue: 100,
    description: `Return at most this many groups (at most ${MAX_STATS_GROUPS}).`,
  })
  first!: number;
}

@ObjectType('MemberStatsKey', {
  description:
    'What a `memberStats` group is made of: the keys grouped on are set, the others are null.',
})
export class MemberStatsKey {
  @Field(() => MemberCategory, {
    nullable: true,
    description: 'The category, when grouped by CATEGORY.',
  })
  category!: MemberCategory | null;

  /** Resolved into `region` through the batched lookup. */
  regionId!: number | null;

  /** Resolved into `pole`. */
  poleId!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The year the active membership started (année d’adhésion), when grouped by JOIN_YEAR.',
  })
  joinYear!: number | null;
}

@ObjectType('MemberStatsGroup', {
  description: 'One group of members, its count and its share, computed in SQL.',
})
export class MemberStatsGroup {
  @Field(() => MemberStatsKey, { description: 'The keys of the group.' })
  key!: MemberStatsKey;

  @Field(() => Int, {
    description: 'Number of distinct members in the group (nombre d’adhérents).',
  })
  count!: number;

  @Field(() => DecimalScalar, {
    description:
      'The group’s count divided by the number of ALL members matching the filter (ungrouped, with or ' +
      'without an active membership), from 0 to 1 with four decimals (part). Shares add up to 1 over ' +
      'CATEGORY or REGION; over POLE or JOIN_YEAR they may not, as members count once per active membership.',
  })
  share!: string;
}
