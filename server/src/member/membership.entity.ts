import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { Confidential } from '../auth/confidential-field';
import { VersionedRecord } from '../database/entity/base-record';
import { moneyColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { explainUniqueConstraint } from '../database/unit-of-work/unit-of-work';
import { Pole } from '../pole/pole.entity';
import { Member } from './member.entity';

@ObjectType({
  implements: Node,
  description:
    'A member’s adhesion to a pole (adhésion), from its start date to its end date (null while active).',
})
@Entity('membership')
@Unique('UQ_membership_member_pole_start', ['memberId', 'poleId', 'startDate'])
// One active membership per member and pole, held by the database itself: `active` is 1 while
// the membership runs and NULL once it ended, and NULLs never collide in a unique index (SQLite
// and MySQL/MariaDB alike). Two concurrent joinPole cannot both commit.
@Unique('UQ_membership_active', ['memberId', 'poleId', 'active'])
@Index('IDX_membership_pole_member', ['poleId', 'memberId'])
export class Membership extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the member.' })
  @Index()
  @Column({ type: 'int' })
  memberId!: number;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'memberId' })
  member?: Member;

  @Field(() => Int, { description: 'Database key of the pole.' })
  @Column({ type: 'int' })
  poleId!: number;

  @ManyToOne(() => Pole, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poleId' })
  pole?: Pole;

  @Field(() => DateScalar, { description: 'First day of the adhesion.' })
  @Index()
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the adhesion; null while it is active.',
  })
  @Index()
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  /**
   * True while the membership runs (endDate null), NULL once it ended: not a flag to read but
   * the key of `UQ_membership_active`. Written with endDate, by `membershipActivity`.
   */
  @Column({ type: 'boolean', nullable: true })
  active?: true | null;

  @Confidential()
  @Field(() => DecimalScalar, { nullable: true, description: 'Yearly fee (cotisation) in euros.' })
  @Index('IDX_membership_yearly_fee')
  @Column(moneyColumn({ nullable: true }))
  yearlyFee!: string | null;

  @Field({
    description:
      'True when the member holds a seat on the pole’s board (conseil d’administration).',
  })
  @Index('IDX_membership_board_seat')
  @Column({ type: 'boolean', default: false })
  boardSeat!: boolean;
}

/** The `active` key that goes with an end date: true while running, NULL once ended. */
export function membershipActivity(endDate: string | null): { active: true | null } {
  return { active: endDate === null ? true : null };
}

explainUniqueConstraint({
  name: 'UQ_membership_active',
  columns: ['membership.memberId', 'membership.poleId', 'membership.active'],
  field: ['input', 'poleId'],
  message:
    'The member already belongs to this pole (another request made it join just now): ' +
    'end that membership first (leavePole)',
});

explainUniqueConstraint({
  name: 'UQ_membership_member_pole_start',
  columns: ['membership.memberId', 'membership.poleId', 'membership.startDate'],
  field: ['input', 'poleId'],
  message:
    'The member already belongs to this pole from that start date (another request made it ' +
    'join just now)',
});
