import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { MAX_STATS_GROUPS } from '../database/query/grouped-limits';
import { ProgrammeLevel } from '../funding-programme/funding-programme.entity';
import { filterInputType } from '../graphql/collection-types';
import { DecimalFilter, IntFilter } from '../graphql/filters/operator-filters';
import { OrderDirection } from '../graphql/relay/connection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { ProjectStatus } from '../project/project.enums';

export enum ProjectGroupBy {
  STATUS = 'STATUS',
  PROGRAMME = 'PROGRAMME',
  PROGRAMME_LEVEL = 'PROGRAMME_LEVEL',
  REGION = 'REGION',
  POLE = 'POLE',
  THEME = 'THEME',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}

registerEnumType(ProjectGroupBy, {
  name: 'ProjectGroupBy',
  description: 'What projects can be grouped by in `projectStats` (ventilation des projets).',
  valuesConfig: {
    STATUS: { description: 'The project’s status (statut).' },
    PROGRAMME: { description: 'The funding programme (programme de financement).' },
    PROGRAMME_LEVEL: {
      description: 'The level of the funding programme: regional, national or European.',
    },
    REGION: { description: 'The region of the lead pole’s headquarters (région du pôle porteur).' },
    POLE: { description: 'The lead pole (pôle porteur); co-labelling poles are not counted.' },
    THEME: {
      description:
        'The project’s themes (domaines thématiques): a project with several themes counts once in each, ' +
        'so the groups add up to more than the projects; a project without a theme has a null theme.',
    },
    YEAR: { description: 'The year of `dateField`; null for projects without that date.' },
    QUARTER: {
      description:
        'The quarter (trimestre, 1–4) of `dateField`. Group by YEAR too for calendar quarters (2024 Q1); ' +
        'alone it pools the same quarter of every year.',
    },
    MONTH: {
      description:
        'The month (1–12) of `dateField`. Group by YEAR too for calendar months; alone it pools the same ' +
        'month of every year.',
    },
  },
});

export enum ProjectDateField {
  SUBMITTED = 'SUBMITTED',
  DECISION = 'DECISION',
  START = 'START',
}

registerEnumType(ProjectDateField, {
  name: 'ProjectDateField',
  description: 'Which date of a project the YEAR, QUARTER and MONTH groups read.',
  valuesConfig: {
    SUBMITTED: {
      description: 'When the project was submitted for the label (`submittedOn`, date de dépôt).',
    },
    DECISION: {
      description: 'When the funding decision was made (`decisionOn`, date de décision).',
    },
    START: { description: 'When the work started (`startOn`, date de démarrage).' },
  },
});

export enum ProjectStatsOrderField {
  COUNT = 'COUNT',
  DISTINCT_MEMBERS = 'DISTINCT_MEMBERS',
  SUM_TOTAL_BUDGET = 'SUM_TOTAL_BUDGET',
  SUM_PUBLIC_FUNDING_REQUESTED = 'SUM_PUBLIC_FUNDING_REQUESTED',
  SUM_PUBLIC_FUNDING_GRANTED = 'SUM_PUBLIC_FUNDING_GRANTED',
  AVG_TOTAL_BUDGET = 'AVG_TOTAL_BUDGET',
  AVG_PUBLIC_FUNDING_REQUESTED = 'AVG_PUBLIC_FUNDING_REQUESTED',
  AVG_PUBLIC_FUNDING_GRANTED = 'AVG_PUBLIC_FUNDING_GRANTED',
  MIN_TOTAL_BUDGET = 'MIN_TOTAL_BUDGET',
  MIN_PUBLIC_FUNDING_REQUESTED = 'MIN_PUBLIC_FUNDING_REQUESTED',
  MIN_PUBLIC_FUNDING_GRANTED = 'MIN_PUBLIC_FUNDING_GRANTED',
  MAX_TOTAL_BUDGET = 'MAX_TOTAL_BUDGET',
  MAX_PUBLIC_FUNDING_REQUESTED = 'MAX_PUBLIC_FUNDING_REQUESTED',
  MAX_PUBLIC_FUNDING_GRANTED = 'MAX_PUBLIC_FUNDING_GRANTED',
  STATUS = 'STATUS',
  PROGRAMME = 'PROGRAMME',
  PROGRAMME_LEVEL = 'PROGRAMME_LEVEL',
  REGION = 'REGION',
  POLE = 'POLE',
  THEME = 'THEME',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}

const MONEY_LABELS = {
  TOTAL_BUDGET: 'total budget (assiette totale)',
  PUBLIC_FUNDING_REQUESTED: 'public funding requested (aide demandée)',
  PUBLIC_FUNDING_GRANTED: 'public funding granted (aide accordée)',
} as const;
const MEASURE_LABELS = { SUM: 'Sum', AVG: 'Average', MIN: 'Smallest', MAX: 'Largest' } as const;

registerEnumType(ProjectStatsOrderField, {
  name: 'ProjectStatsOrderField',
  description:
    'What `projectStats` groups can be sorted on: an aggregate, or a key the groups are made on.',
  valuesConfig: {
    COUNT: { description: 'Number of projects in the group.' },
    DISTINCT_MEMBERS: { description: 'Number of distinct partner members in the group.' },
    ...Object.fromEntries(
      Object.entries(MEASURE_LABELS).flatMap(([measure, measureLabel]) =>
        Object.entries(MONEY_LABELS).map(([money, moneyLabel]) => [
          `${measure}_${money}`,
          { description: `${measureLabel} of the ${moneyLabel}.` },
        ]),
      ),
    ),
    STATUS: { description: 'The status, by its code (A→Z); only when grouped by STATUS.' },
    PROGRAMME: { description: 'The programme, by its databaseId; only when grouped by PROGRAMME.' },
    PROGRAMME_LEVEL: {
      description: 'The programme level, by its code; only when grouped by PROGRAMME_LEVEL.',
    },
    REGION: { description: 'The region, by its databaseId; only when grouped by REGION.' },
    POLE: { description: 'The lead pole, by its databaseId; only when grouped by POLE.' },
    THEME: { description: 'The theme, by its databaseId; only when grouped by THEME.' },
    YEAR: { description: 'The year; only when grouped by YEAR.' },
    QUARTER: { description: 'The quarter; only when grouped by QUARTER.' },
    MONTH: { description: 'The month; only when grouped by MONTH.' },
  },
});

@InputType('ProjectStatsOrder', {
  description:
    'One sort key for `projectStats` groups. After the keys given, groups are always sorted by their ' +
    'group keys ascending, so the order is stable.',
})
export class ProjectStatsOrder {
  @Field(() => ProjectStatsOrderField, { description: 'The aggregate or group key to sort on.' })
  field!: ProjectStatsOrderField;

  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.ASC,
    description: 'Ascending or descending.',
  })
  direction!: OrderDirection;
}

@InputType('ProjectStatsNumbersHaving', {
  description:
    'Conditions on one aggregate (sum, average, minimum or maximum) of each amount, in euros.',
})
export class ProjectStatsNumbersHaving {
  @Field(() => DecimalFilter, {
    nullable: true,
    description: 'Condition on the total budget (assiette totale).',
  })
  totalBudget?: Record<string, unknown> | null;

  @Field(() => DecimalFilter, {
    nullable: true,
    description: 'Condition on the public funding requested (aide demandée).',
  })
  publicFundingRequested?: Record<string, unknown> | null;

  @Field(() => DecimalFilter, {
    nullable: true,
    description:
      'Condition on the public funding granted (aide accordée); null when no project of the group has one.',
  })
  publicFundingGranted?: Record<string, unknown> | null;
}

@InputType('ProjectStatsHaving', {
  description:
    'Which groups to keep, by their aggregates (SQL HAVING): e.g. `{ count: { gte: 10 }, sum: { totalBudget: ' +
    '{ gt: "1000000" } } }`. Every condition given must hold; use `or` for alternatives and `not` to exclude.',
})
export class ProjectStatsHaving {
  @Field(() => IntFilter, {
    nullable: true,
    description: 'Condition on the number of projects of the group.',
  })
  count?: Record<string, unknown> | null;

  @Field(() => IntFilter, {
    nullable: true,
    description: 'Condition on the number of distinct partner members.',
  })
  distinctMembers?: Record<string, unknown> | null;

  @Field(() => ProjectStatsNumbersHaving, {
    nullable: true,
    description: 'Conditions on the sums of the amounts.',
  })
  sum?: ProjectStatsNumbersHaving | null;

  @Field(() => ProjectStatsNumbersHaving, {
    nullable: true,
    description:
      'Conditions on the averages of the amounts (rounded to two decimals, as returned).',
  })
  avg?: ProjectStatsNumbersHaving | null;

  @Field(() => ProjectStatsNumbersHaving, {
    nullable: true,
    description: 'Conditions on the smallest amounts.',
  })
  min?: ProjectStatsNumbersHaving | null;

  @Field(() => ProjectStatsNumbersHaving, {
    nullable: true,
    description: 'Conditions on the largest amounts.',
  })
  max?: ProjectStatsNumbersHaving | null;

  @Field(() => [ProjectStatsHaving], {
    nullable: true,
    description: 'Every one of these conditions holds.',
  })
  and?: ProjectStatsHaving[] | null;

  @Field(() => [ProjectStatsHaving], {
    nullable: true,
    description: 'At least one of these conditions holds.',
  })
  or?: ProjectStatsHaving[] | null;

  @Field(() => ProjectStatsHaving, { nullable: true, description: 'This condition does not hold.' })
  not?: ProjectStatsHaving | null;
}

@ArgsType()
export class ProjectStatsArgs {
  @Field(() => filterInputType(PROJECT_COLLECTION), {
    nullable: true,
    description: 'Which projects to count: the same filter as the `projects` list.',
  })
  filter?: Record<string, unknown> | null;

  @Field(() => [ProjectGroupBy], {
    description:
      'The keys to group on, in any combination; an empty list makes one group of every project.',
  })
  groupBy!: ProjectGroupBy[];

  @Field(() => ProjectDateField, {
    defaultValue: ProjectDateField.SUBMITTED,
    description: 'The date that YEAR, QUARTER and MONTH read.',
  })
  dateField!: ProjectDateField;

  @Field(() => ProjectStatsHaving, {
    nullable: true,
    description: 'Which groups to keep, by their aggregates (HAVING).',
  })
  having?: Record<string, unknown> | null;

  @Field(() => [ProjectStatsOrder], {
    nullable: true,
    description: 'Sort keys, most significant first; by default the group keys ascending.',
  })
  orderBy?: ProjectStatsOrder[] | null;

  @Field(() => Int, {
    defaultValue: 100,
    description: `Return at most this many groups (at most ${MAX_STATS_GROUPS}).`,
  })
  first!: number;
}

@ObjectType('ProjectStatsKey', {
  description:
    'What a `projectStats` group is made of: the keys grouped on are set, the others are null.',
})
export class ProjectStatsKey {
  @Field(() => ProjectStatus, {
    nullable: true,
    description: 'The status (statut), when grouped by STATUS.',
  })
  status!: ProjectStatus | null;

  /** Resolved into `programme` through the batched lookup. */
  programmeId!: number | null;

  @Field(() => ProgrammeLevel, {
    nullable: true,
    description:
      'The programme level (régional, national, européen), when grouped by PROGRAMME_LEVEL.',
  })
  programmeLevel!: ProgrammeLevel | null;

  /** Resolved into `region`. */
  regionId!: number | null;

  /** Resolved into `pole`. */
  poleId!: number | null;

  /** Resolved into `theme`. */
  themeId!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The year of `dateField`, when grouped by YEAR.',
  })
  year!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The quarter (trimestre, 1–4) of `dateField`, when grouped by QUARTER.',
  })
  quarter!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The month (1–12) of `dateField`, when grouped by MONTH.',
  })
  month!: number | null;
}

@ObjectType('ProjectStatsNumbers', {
  description:
    'One aggregate of each amount, in euros, as exact decimals; null when no project of the group has one.',
})
export class ProjectStatsNumbers {
  @Field(() => DecimalScalar, { nullable: true, description: 'Total budget (assiette totale).' })
  totalBudget!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding requested (aide demandée).',
  })
  publicFundingRequested!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding granted (aide accordée).',
  })
  publicFundingGranted!: string | null;
}

@ObjectType('ProjectStatsGroup', {
  description: 'One group of projects and its aggregates, computed in SQL.',
})
export class ProjectStatsGroup {
  @Field(() => ProjectStatsKey, { description: 'The keys of the group.' })
  key!: ProjectStatsKey;

  @Field(() => Int, { description: 'Number of projects in the group (nombre de projets).' })
  count!: number;

  @Field(() => Int, {
    description:
      'Number of distinct members taking part as partners (any role) in the group’s projects ' +
      '(nombre d’adhérents partenaires distincts): a member in several projects counts once.',
  })
  distinctMembers!: number;

  @Field(() => ProjectStatsNumbers, { description: 'Sums of the amounts (montants cumulés).' })
  sum!: ProjectStatsNumbers;

  @Field(() => ProjectStatsNumbers, {
    description: 'Averages per project, rounded to two decimals (moyennes).',
  })
  avg!: ProjectStatsNumbers;

  @Field(() => ProjectStatsNumbers, { description: 'Smallest amounts (minimums).' })
  min!: ProjectStatsNumbers;

  @Field(() => ProjectStatsNumbers, { description: 'Largest amounts (maximums).' })
  max!: ProjectStatsNumbers;
}
