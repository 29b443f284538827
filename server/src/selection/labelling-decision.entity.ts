import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { Pole } from '../pole/pole.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { LabellingOutcome } from './selection.enums';

@ObjectType({
  implements: Node,
  description:
    'The State’s decision on a pole for a labelling phase (décision de labellisation), ' +
    'taken by the Prime Minister on the selection committee’s advice.',
})
@Entity('labelling_decision')
@Unique('UQ_labelling_decision_pole_phase', ['poleId', 'phaseId'])
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

  @Field({ description: 'Why: the conditions and remarks of the decision.' })
  @Column({ type: 'text' })
  rationale!: string;
}
