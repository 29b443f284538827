import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';

import { Confidential } from '../auth/confidential-field';
import { VersionedRecord } from '../database/entity/base-record';
import { moneyColumn } from '../database/entity/column-types';
import { Node } from '../database/entity/node.interface';
import { DateScalar, DateTimeScalar } from '../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../database/entity/scalars/decimal.scalar';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { Member } from '../member/member.entity';
import { Pole } from '../pole/pole.entity';
import { Theme } from '../theme/theme.entity';
import { ProjectStatus } from './project.enums';

@ObjectType({
  implements: Node,
  description:
    'A collaborative R&D project (projet collaboratif) labelled by one or more poles and ' +
    'submitted to a funding programme.',
})
@Entity('project')
@Index('IDX_project_created_at', ['createdAt'])
export class Project extends VersionedRecord {
  @Field({ description: 'Unique short name of the project, e.g. "HYPERION-12".' })
  @Column({ type: 'varchar', length: 40, unique: true })
  acronym!: string;

  @Field({ description: 'Full title.' })
  @Index()
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field({ description: 'Short public summary (résumé).' })
  @Column({ type: 'text' })
  summary!: string;

  @Field(() => Int, { description: 'Database key of the funding programme.' })
  @Index()
  @Column({ type: 'int' })
  programmeId!: number;

  @ManyToOne(() => FundingProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programmeId' })
  programme?: FundingProgramme;

  @Field(() => Int, {
    description: 'Database key of the pole that leads the project (pôle porteur).',
  })
  @Index()
  @Column({ type: 'int' })
  leadPoleId!: number;

  @ManyToOne(() => Pole, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadPoleId' })
  leadPole?: Pole;

  /** Other poles that co-labelled the project (co-labellisation). */
  @ManyToMany(() => Pole)
  @JoinTable({
    name: 'project_co_labelling_pole',
    joinColumn: { name: 'projectId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'poleId', referencedColumnName: 'id' },
  })
  coLabellingPoles?: Pole[];

  @Confidential()
  @Field(() => Int, { nullable: true, description: 'Database key of the coordinating member.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  coordinatorId!: number | null;

  @ManyToOne(() => Member, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'coordinatorId' })
  coordinator?: Member | null;

  @ManyToMany(() => Theme)
  @JoinTable({
    name: 'project_theme',
    joinColumn: { name: 'projectId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'themeId', referencedColumnName: 'id' },
  })
  themes?: Theme[];

  @Field(() => ProjectStatus, { description: 'Where the project stands (statut).' })
  @Index()
  @Column({ type: 'simple-enum', enum: ProjectStatus, default: ProjectStatus.DRAFT })
  status!: ProjectStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When it was submitted for the label.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  submittedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the funding decision was made.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  decisionOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the work started.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  startOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the work ends or ended.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  endOn!: string | null;

  @Confidential()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Total budget of the project in euros (assiette totale).',
  })
  @Index()
  @Column(moneyColumn())
  totalBudget!: string;

  @Confidential()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding requested, in euros (aide demandée).',
  })
  @Index('IDX_project_public_funding_requested')
  @Column(moneyColumn())
  publicFundingRequested!: string;

  @Confidential()
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Public funding granted, in euros (aide accordée); null until decided.',
  })
  @Index()
  @Column(moneyColumn({ nullable: true }))
  publicFundingGranted!: string | null;

  // A project's timestamps are those of its first and last status change: detail, as the
  // history is (the columns stay BaseRecord's; only the GraphQL fields are redeclared).
  @Confidential()
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When this record was created; confidential, like the history it dates (null with FORBIDDEN otherwise).',
  })
  override createdAt!: Date;

  @Confidential()
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When this record was last changed; confidential, like the history it dates (null with FORBIDDEN otherwise).',
  })
  override updatedAt!: Date;
}
