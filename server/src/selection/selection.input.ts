import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

import { DateScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { IsPercent } from '../graphql/mutation/validators';
import {
  ClusterLabelLevel,
  CriterionMeasurement,
  DecisionKind,
  LabellingOutcome,
  PoleIndicator,
} from './selection.enums';

@InputType({ description: 'A selection criterion of a new labelling phase.' })
export class CriterionInput {
  @Field({ description: 'Code, unique within the phase: capital letters, digits and underscores.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, {
    message: 'code takes 2 to 40 capital letters, digits and underscores, e.g. "PRIVATE_FUNDING"',
  })
  code!: string;

  @Field({ description: 'Name, e.g. "Autonomie financière" (160 characters at most).' })
  @Length(1, 160)
  name!: string;

  @Field({ description: 'What the criterion checks and why (10,000 characters at most).' })
  @MaxLength(10_000)
  description!: string;

  @Field(() => CriterionMeasurement, { description: 'Computed indicator or evaluator’s score.' })
  measurement!: CriterionMeasurement;

  @Field(() => PoleIndicator, {
    nullable: true,
    description: 'The indicator the criterion reads: required for INDICATOR, left out for SCORE.',
  })
  indicator?: PoleIndicator | null;

  @Field(() => DecimalScalar, {
    description:
      'The minimum to meet, ≥ 0 with four decimals at most: a count, a share from 0 to 1, ' +
      'euros, or a score out of 100.',
  })
  threshold!: string;
}

@InputType({ description: 'A new labelling phase with its selection criteria.' })
export class OpenLabellingPhaseInput {
  @Field(() => Int, { description: 'Phase number, unique (6 after phase V).' })
  @IsInt()
  @Min(1)
  @Max(99)
  number!: number;

  @Field({ description: 'Name, e.g. "Phase VI" (60 characters at most).' })
  @Length(1, 60)
  name!: string;

  @Field(() => Int, { description: 'First year of the phase.' })
  @IsInt()
  @Min(1990)
  @Max(2100)
  startYear!: number;

  @Field(() => Int, { description: 'Last year of the phase, on or after the first.' })
  @IsInt()
  @Min(1990)
  @Max(2100)
  endYear!: number;

  @Field({
    description: 'What the phase aims at and how it is decided (10,000 characters at most).',
  })
  @MaxLength(10_000)
  description!: string;

  @Field(() => [CriterionInput], { description: 'The selection criteria, with distinct codes.' })
  @ValidateNested()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  criteria!: CriterionInput[];
}

@InputType({ description: 'The score an evaluation gives on one SCORE criterion.' })
export class EvaluationScoreInput {
  @Field({ description: 'Code of a SCORE criterion of the phase.' })
  criterionCode!: string;

  @Field(() => DecimalScalar, { description: 'Score from 0 to 100, two decimals at most.' })
  @IsPercent()
  score!: string;
}

@InputType({
  description:
    'A ministry’s or a region’s evaluation of a pole for a phase: name the evaluator by ' +
    '`ministryCode` or by `regionCode`, exactly one.',
})
export class RecordEvaluationInput {
  @Field(() => ID, { description: 'Global id of the evaluated pole.' })
  poleId!: string;

  @Field(() => Int, { description: 'Number of the labelling phase.' })
  phaseNumber!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the evaluating ministry, e.g. "ECO".',
  })
  ministryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the evaluating region, e.g. "84".',
  })
  regionCode?: string | null;

  @Field(() => DateScalar, { description: 'When the evaluation was made.' })
  evaluatedOn!: string;

  @Field({ description: 'The evaluator’s comments (confidential; 20,000 characters at most).' })
  @MaxLength(20_000)
  comments!: string;

  @Field(() => [EvaluationScoreInput], {
    description: 'Scores on the phase’s SCORE criteria, each criterion once at most.',
  })
  @ValidateNested()
  @ArrayMaxSize(50)
  scores!: EvaluationScoreInput[];
}

@InputType({
  description:
    'The State’s decision on a pole for a phase: created the first time, updated afterwards ' +
    '(then with `expectedVersion`).',
})
export class DecideLabellingInput {
  @Field(() => ID, { description: 'Global id of the pole.' })
  poleId!: string;

  @Field(() => Int, { description: 'Number of the labelling phase.' })
  phaseNumber!: number;

  @Field(() => LabellingOutcome, {
    description: 'Labelled, labelled on probation, or not labelled.',
  })
  outcome!: LabellingOutcome;

  @Field(() => Int, {
    nullable: true,
    description:
      'Years the label is granted for, 1 to 4: required unless NOT_LABELLED, then left out.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  durationYears?: number | null;

  @Field(() => DateScalar, { description: 'When the decision was taken.' })
  decidedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was made public (on or after the decision); null while it is a draft.',
  })
  publishedOn?: string | null;

  @Field({
    description: 'Why: the conditions and remarks of the decision (20,000 characters at most).',
  })
  @Length(1, 20_000)
  rationale!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the decision you read: required when the pole already has a decision for ' +
      'the phase (update), left out when it has none (creation).',
  })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}

@InputType({
  description:
    'A later decision of the State on a pole’s label for a phase: an extension (DERBI, 28 Dec ' +
    '2023: labelled for 2024–2026) or a withdrawal before its term. The decision amended is kept ' +
    'as it was; the amendment is a decision of its own, linked to it.',
})
export class AmendLabellingDecisionInput {
  @Field(() => ID, {
    description: 'Global id of the pole’s first decision for the phase (kind INITIAL).',
  })
  decisionId!: string;

  @Field(() => DecisionKind, { description: 'EXTENSION or WITHDRAWAL.' })
  kind!: DecisionKind;

  @Field(() => DateScalar, {
    description:
      'EXTENSION: the label’s new last day (at most the phase’s end). WITHDRAWAL: the last day ' +
      'the label still holds (before its current end).',
  })
  labelEndsOn!: string;

  @Field(() => DateScalar, { description: 'When the amendment was decided.' })
  decidedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was made public (on or after the decision); null while it is a draft.',
  })
  publishedOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'EXTENSION: when the condition set by the amended decision was met (e.g. DERBI’s merger, ' +
      '2025-06-05); recorded on the amended decision.',
  })
  conditionMetOn?: string | null;

  @Field({ description: 'Why: the terms of the amendment (20,000 characters at most).' })
  @Length(1, 20_000)
  rationale!: string;
}

@InputType({ description: 'A European cluster-management label awarded to a pole.' })
export class RecordClusterLabelInput {
  @Field(() => ID, { description: 'Global id of the pole.' })
  poleId!: string;

  @Field(() => ClusterLabelLevel, {
    description: 'Bronze, silver or gold (gold needs a score of 80 %).',
  })
  level!: ClusterLabelLevel;

  @Field(() => DateScalar, { description: 'When the label was awarded.' })
  awardedOn!: string;

  @Field(() => DateScalar, { description: 'Last day the label is valid, after the award.' })
  validUntil!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Overall score in percent, e.g. "87.00"; required for GOLD, which needs 80 at least.',
  })
  @IsOptional()
  @IsPercent()
  scorePercent?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Quality indicators passed, at most those assessed.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  indicatorsPassed?: number | null;

  @Field(() => Int, {
    description: 'Quality indicators assessed, 1 or more (31 for gold, 36 for bronze).',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  indicatorsTotal!: number;
}
