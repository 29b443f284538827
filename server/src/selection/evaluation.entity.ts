import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { LabellingPhase } from './labelling-phase.entity';

/** Exactly one of `ministryId` and `regionId` is set; recordEvaluation (evaluation.service.ts) enforces it. */
@ObjectType({
  implements: Node,
  description:
    'A ministry’s or a region’s assessment of a pole for a labelling phase (évaluation): ' +
    'a score per criterion and comments.',
})
@Entity('evaluation')
@Index('IDX_evaluation_pole_phase', ['poleId', 'phaseId'])
export class Evaluation extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the evaluated pole.' })
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

  @Field(() => Int, {
    nullable: true,
    description: 'Database key of the evaluating ministry, if a ministry evaluated.',
  })
  @Index()
  @Column({ type: 'int', nullable: true })
  ministryId!: number | null;

  @ManyToOne(() => Ministry, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ministryId' })
  ministry?: Ministry | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Database key of the evaluating region, if a region evaluated.',
  })
  @Index()
  @Column({ type: 'int', nullable: true })
  regionId!: number | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'regionId' })
  region?: Region | null;

  @Field(() => DateScalar, { description: 'When the evaluation was made.' })
  @Index()
  @Column({ type: 'date' })
  evaluatedOn!: string;

  @Field({ description: 'The evaluator’s comments (confidential).' })
  @Column({ type: 'text' })
  comments!: string;
}
