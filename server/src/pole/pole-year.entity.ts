import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { decimalColumn, fractionColumn, moneyColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { Pole } from './pole.entity';

@ObjectType({
  implements: Node,
  description:
    'A pole’s yearly figures (chiffres annuels): budget, share of private funding, staff and ' +
    'member count, as the pole reports them.',
})
@Entity('pole_year')
@Unique('UQ_pole_year_pole_year', ['poleId', 'year'])
export class PoleYear extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the pole.' })
  @Index()
  @Column({ type: 'int' })
  poleId!: number;

  @ManyToOne(() => Pole, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poleId' })
  pole?: Pole;

  @Field(() => Int, { description: 'The calendar year the figures cover.' })
  @Index()
  @Column({ type: 'int' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Operating budget of the pole’s team, in euros.' })
  @Column(moneyColumn())
  budget!: string;

  @Field(() => DecimalScalar, {
    description:
      'Share of the budget funded privately (autofinancement privé), from 0 to 1. ' +
      'Phase 5 asks for at least 0.5 (financial autonomy).',
  })
  @Column(fractionColumn())
  privateFundingShare!: string;

  @Field(() => Int, { description: 'Staff of the pole’s team (salariés).' })
  @Column({ type: 'int' })
  staff!: number;

  @Field(() => DecimalScalar, {
    description: 'Full-time equivalents working on European affairs (ETP Europe).',
  })
  @Column(decimalColumn(6, 2))
  europeTeamFte!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'People recruited into the pole’s Europe team during the year (recrutements), as ' +
      'reported; null when the pole did not report it.',
  })
  @Column({ type: 'int', nullable: true })
  europeTeamHires!: number | null;

  @Field(() => Int, { description: 'Members (adhérents) at the end of the year, as reported.' })
  @Column({ type: 'int' })
  membersCount!: number;
}
