import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { percentColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { Member } from '../member/member.entity';
import { Project } from './project.entity';
import { PartnerRole } from './project.enums';

@ObjectType({
  implements: Node,
  description: 'A member taking part in a project (partenaire du consortium).',
})
@Entity('project_partner')
@Unique('UQ_project_partner_project_member', ['projectId', 'memberId'])
export class ProjectPartner extends VersionedRecord {
  @Field(() => Int, { description: 'Database key of the project.' })
  @Index()
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Field(() => Int, { description: 'Database key of the member.' })
  @Index()
  @Column({ type: 'int' })
  memberId!: number;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'memberId' })
  member?: Member;

  @Field(() => PartnerRole, { description: 'Coordinator, partner or subcontractor.' })
  @Index()
  @Column({ type: 'simple-enum', enum: PartnerRole })
  role!: PartnerRole;

  @Field(() => DecimalScalar, {
    description: 'Share of the project budget this partner carries, in percent (0 to 100).',
  })
  @Index('IDX_project_partner_budget_share')
  @Column(percentColumn())
  budgetSharePercent!: string;
}
