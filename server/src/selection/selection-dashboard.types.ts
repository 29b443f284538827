import { Field, Int, ObjectType } from 'type-graphql';

import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { Pole } from '../pole/pole.entity';
import { Criterion } from './criterion.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { CriterionValueStatus } from './selection.enums';

@ObjectType({
  description:
    'The ministry’s selection dashboard for one labelling phase (tableau de bord de sélection): ' +
    'the criteria, and for every pole in the running, its figures against each criterion, the ' +
    'evaluations it received and the decision taken.',
})
export class SelectionDashboard {
  @Field(() => LabellingPhase, { description: 'The labelling phase.' })
  phase!: LabellingPhase;

  @Field(() => Int, {
    description:
      'The year the indicators are computed for: the phase’s last year, or the current year ' +
      'while the phase runs (the first year for a phase yet to begin).',
  })
  indicatorsYear!: number;
}

@ObjectType({ description: 'A pole’s standing on the selection dashboard of a phase.' })
export class SelectionRow {
  @Field(() => Pole, { description: 'The pole.' })
  pole!: Pole;

  /** The dashboard's phase, for the row's field resolvers (not a GraphQL field). */
  phase!: LabellingPhase;

  /** The dashboard's `indicatorsYear`. */
  indicatorsYear!: number;

  /** Whether the caller may read the pole's confidential figures (permission policy). */
  detailVisible!: boolean;
}

@ObjectType({ description: 'How a pole measures up to one criterion of the phase.' })
export class CriterionAssessment {
  @Field(() => Criterion, { description: 'The criterion.' })
  criterion!: Criterion;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The pole’s value: for an INDICATOR criterion, its indicator for `indicatorsYear`; for a ' +
      'SCORE criterion, the average score its evaluations gave (two decimals, rounded half ' +
      'up). Null when there is none (no figures reported, no score given), or when the figure ' +
      'is confidential to you (a private funding share, funding raised or a score needs the ' +
      'pole’s detail right): `valueStatus` tells which.',
  })
  value!: string | null;

  @Field(() => CriterionValueStatus, {
    description:
      'Whether `value` is given, missing, or confidential to you: the same permission policy ' +
      'that nulls a confidential value says CONFIDENTIAL here.',
  })
  valueStatus!: CriterionValueStatus;

  @Field(() => DecimalScalar, { description: 'The minimum to meet (the criterion’s threshold).' })
  threshold!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when `value` reaches the threshold, false when not, null when there is no value.',
  })
  met!: boolean | null;
}
