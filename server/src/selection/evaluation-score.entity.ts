import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { percentColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { Criterion } from './criterion.entity';
import { Evaluation } from './evaluation.entity';

@ObjectType({
  implements: Node,
  description: 'The score an evaluation gives a pole on one criterion, from 0 to 100.',
})
@Entity('evaluation_score')
@Unique('UQ_evaluation_score_evaluation_criterion', ['evaluationId', 'criterionId'])
export class EvaluationScore extends BaseRecord {
  @Field(() => Int, { description: 'Database key of the evaluation.' })
  @Index()
  @Column({ type: 'int' })
  evaluationId!: number;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation?: Evaluation;

  @Field(() => Int, { description: 'Database key of the criterion.' })
  @Index()
  @Column({ type: 'int' })
  criterionId!: number;

  @ManyToOne(() => Criterion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterionId' })
  criterion?: Criterion;

  @Field(() => DecimalScalar, { description: 'Score from 0 to 100.' })
  @Index('IDX_evaluation_score_score')
  @Column(percentColumn())
  score!: string;
}
