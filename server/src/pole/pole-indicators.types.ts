import { Field, Int, ObjectType } from 'type-graphql';

import { Confidential } from '../auth/confidential-field';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { MemberCategory } from '../member/member.enums';
import { LabellingPhase } from '../selection/labelling-phase.entity';

@ObjectType('MemberCategoryCount', { description: 'How many members of one category.' })
export class MemberCategoryCount {
  @Field(() => MemberCategory, { description: 'The category.' })
  category!: MemberCategory;

  @Field(() => Int, { description: 'Number of members of that category.' })
  count!: number;
}

@ObjectType('PoleIndicators', {
  description:
    'The figures of one year that the selection criteria of the labelling phases look at ' +
    '(indicateurs de labellisation), computed from the data rather than as reported by the pole.',
})
export class PoleIndicators {
  /** The pole the figures are about (not a GraphQL field: the permission check reads it). */
  poleId!: number;

  @Field(() => Int, { description: 'The year the figures are computed for.' })
  year!: number;

  @Field(() => Int, {
    description:
      'Members with a membership running on 31 December of the year (adhérents actifs au 31/12): ' +
      'started on or before that day and not ended before it.',
  })
  activeMembers!: number;

  @Field(() => [MemberCategoryCount], {
    description:
      'The active members by category (répartition par catégorie), every category listed, zeros included.',
  })
  membersByCategory!: MemberCategoryCount[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Share of micro firms and SMEs (TPE + PME) among the active members, from 0 to 1 with four decimals ' +
      '(part des PME); null when the pole has no active member.',
  })
  smeShare!: string | null;

  @Confidential()
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Share of the pole’s budget funded privately that year (taux d’autofinancement privé), from 0 to 1, ' +
      'as reported in its yearly figures; null when the pole reported none for the year.',
  })
  privateFundingShare!: string | null;

  @Field(() => LabellingPhase, {
    nullable: true,
    description:
      'The labelling phase the year belongs to (phase de labellisation); null when none covers it.',
  })
  phase!: LabellingPhase | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Collaborative projects the pole leads or co-labels (projets collaboratifs accompagnés), submitted in ' +
      'the years of the phase and labelled, funded, in progress or completed; null when no phase covers the year.',
  })
  collaborativeProjects!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the collaborative projects, those funded by a European programme (projets européens); null when no ' +
      'phase covers the year.',
  })
  europeanProjects!: number | null;

  @Confidential()
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Public funding granted to the collaborative projects, in euros (financements publics obtenus); null ' +
      'when no phase covers the year.',
  })
  fundingRaised!: string | null;
}
