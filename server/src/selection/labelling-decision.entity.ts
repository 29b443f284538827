import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { Pole } from '../pole/pole.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { DecisionKind, ExtensionCondition, LabellingOutcome } from './selection.enums';

@ObjectType({
  implements: Node,
  description:
    'The State’s decision on a pole for a labelling phase (décision de labellisation), ' +
    'taken by the Prime Minister on the selection committee’s advice.',
})
@Entity('labelling_decision')
@Unique('UQ_labelling_decision_pole_phase_day', ['poleId', 'phaseId', 'decidedOn'])
export class LabellingDecision extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the pole.' })
  @Index()
  @Column({ type: 'int' })
  poleId!: number;

  @ManyToOne(() => Pole, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poleId' })
  pole?: Pole;

  @Field(() => Int, { description: 'Database key of the labelling phase.' })
  @Index()
  @Column({ type: 'int' })
  phaseId!: number;

  @ManyToOne(() => LabellingPhase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'phaseId' })
  phase?: LabellingPhase;

  @Field(() => LabellingOutcome, {
    description: 'Labelled, labelled on probation, or not labelled.',
  })
  @Index()
  @Column({ type: 'simple-enum', enum: LabellingOutcome })
  outcome!: LabellingOutcome;

  @Field(() => Int, {
    nullable: true,
    description: 'How many years the label is granted for (4, 2 or 1).',
  })
  @Column({ type: 'int', nullable: true })
  durationYears!: number | null;

  @Field(() => DateScalar, { description: 'When the decision was taken.' })
  @Index()
  @Column({ type: 'date' })
  decidedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was made public; null while it is a draft.',
  })
  @Index()
  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;

  @Field(() => DecisionKind, {
    description:
      'The pole’s first decision for the phase, or a later one extending or withdrawing it.',
  })
  @Index()
  @Column({ type: 'simple-enum', enum: DecisionKind, default: DecisionKind.INITIAL })
  kind!: DecisionKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Database key of the earlier decision this one extends or withdraws.',
  })
  @Index()
  @Column({ type: 'int', nullable: true })
  amendsDecisionId!: number | null;

  @ManyToOne(() => LabellingDecision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'amendsDecisionId' })
  amendsDecision?: LabellingDecision | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the label is valid, e.g. 2023-01-01; null when not labelled.',
  })
  @Index()
  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the label is valid, e.g. 2026-12-31; null when not labelled.',
  })
  @Index()
  @Column({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many years in all the label can reach if the condition is met (4 for the 1- and ' +
      '2-year labels); null when it cannot be extended.',
  })
  @Column({ type: 'int', nullable: true })
  extendableToYears!: number | null;

  @Field(() => ExtensionCondition, {
    nullable: true,
    description: 'The condition set for extending the label; null when there is none.',
  })
  @Column({ type: 'simple-enum', enum: ExtensionCondition, nullable: true })
  extensionCondition!: ExtensionCondition | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the condition was met (e.g. DERBI’s merger with Cemater, voted 2025-06-05); null ' +
      'while it is not, or not known.',
  })
  @Column({ type: 'date', nullable: true })
  conditionMetOn!: string | null;

  @Field({
    description: 'True when the decision labels a new pole (ENTER and Infr@2050 in phase 5).',
  })
  @Index()
  @Column({ type: 'boolean', default: false })
  newPole!: boolean;

  @Field({ description: 'Why: the conditions and remarks of the decision.' })
  @Column({ type: 'text' })
  rationale!: string;
}
