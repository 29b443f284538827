import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { measureColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { LabellingPhase } from './labelling-phase.entity';
import { CriterionMeasurement, PoleIndicator } from './selection.enums';

@ObjectType({
  implements: Node,
  description:
    'A selection criterion of a labelling phase (critère de sélection), measured by an ' +
    'indicator computed from the data or by an evaluator’s score, with the threshold to meet.',
})
@Entity('criterion')
@Unique('UQ_criterion_phase_code', ['phaseId', 'code'])
export class Criterion extends BaseRecord {
  @Field(() => Int, { description: 'Database key of the labelling phase.' })
  @Index()
  @Column({ type: 'int' })
  phaseId!: number;

  @ManyToOne(() => LabellingPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phaseId' })
  phase?: LabellingPhase;

  @Field({ description: 'Code, unique within the phase, e.g. "PRIVATE_FUNDING".' })
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Field({ description: 'Name, e.g. "Autonomie financière".' })
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Field({ description: 'What the criterion checks and why.' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => CriterionMeasurement, { description: 'Computed indicator or evaluator’s score.' })
  @Column({ type: 'simple-enum', enum: CriterionMeasurement })
  measurement!: CriterionMeasurement;

  @Field(() => PoleIndicator, {
    nullable: true,
    description: 'The indicator it reads, for INDICATOR criteria.',
  })
  @Column({ type: 'simple-enum', enum: PoleIndicator, nullable: true })
  indicator!: PoleIndicator | null;

  @Field(() => DecimalScalar, {
    description: 'The minimum to meet: a count, a share from 0 to 1, euros, or a score out of 100.',
  })
  @Column(measureColumn())
  threshold!: string;
}
