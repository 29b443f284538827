import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { percentColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { Pole } from '../pole/pole.entity';
import { ClusterLabelLevel } from './selection.enums';

@ObjectType({
  implements: Node,
  description:
    'A European cluster-management label (label européen d’excellence, ECEI / ESCA): ' +
    'bronze, silver or gold, valid for two years.',
})
@Entity('cluster_label')
export class ClusterLabel extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the pole.' })
  @Index()
  @Column({ type: 'int' })
  poleId!: number;

  @ManyToOne(() => Pole, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poleId' })
  pole?: Pole;

  @Field(() => ClusterLabelLevel, { description: 'Bronze, silver or gold.' })
  @Index()
  @Column({ type: 'simple-enum', enum: ClusterLabelLevel })
  level!: ClusterLabelLevel;

  @Field({
    description: 'True when the label renews one the pole held before (renouvellement).',
  })
  @Column({ type: 'boolean', default: false })
  renewal!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the on-site audit, e.g. 2021-10-11; null when not published.',
  })
  @Column({ type: 'date', nullable: true })
  auditStartedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the on-site audit, e.g. 2021-10-13; null when not published.',
  })
  @Column({ type: 'date', nullable: true })
  auditEndedOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many experts audited the cluster (2 for gold: one national, one foreign).',
  })
  @Column({ type: 'int', nullable: true })
  auditorCount!: number | null;

  @Field(() => DateScalar, { description: 'When the label was decided and announced.' })
  @Index()
  @Column({ type: 'date' })
  awardedOn!: string;

  @Field(() => DateScalar, { description: 'Last day the label is valid.' })
  @Index()
  @Column({ type: 'date' })
  validUntil!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Overall score in percent, e.g. "87.00" (gold needs 80).',
  })
  @Column(percentColumn({ nullable: true }))
  scorePercent!: string | null;

  @Field(() => Int, { nullable: true, description: 'Quality indicators passed.' })
  @Column({ type: 'int', nullable: true })
  indicatorsPassed!: number | null;

  @Field(() => Int, { description: 'Quality indicators assessed (31 for gold, 36 for bronze).' })
  @Column({ type: 'int' })
  indicatorsTotal!: number;
}
