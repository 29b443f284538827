import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { Confidential } from '../auth/confidential-field';
import { VersionedRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { UrlScalar } from '../database/entity/scalars/url.scalar';
import { Region } from '../region/region.entity';
import { MemberCategory } from './member.enums';

@ObjectType({
  implements: Node,
  description:
    'An organisation that belongs to one or more poles (adhérent): a company, a research or ' +
    'training organisation, or a public body.',
})
@Entity('member')
@Index('IDX_member_created_at', ['createdAt'])
export class Member extends VersionedRecord {
  @Field({ description: 'Name of the organisation (raison sociale).' })
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'SIREN number: 9 digits whose last one is a Luhn check digit.' })
  @Column({ type: 'varchar', length: 9, unique: true })
  siren!: string;

  @Field(() => MemberCategory, {
    description: 'Micro firm, SME, mid-size, large, research, training…',
  })
  @Index()
  @Column({ type: 'simple-enum', enum: MemberCategory })
  category!: MemberCategory;

  @Field(() => Int, { description: 'Database key of the region where the member is located.' })
  @Index()
  @Column({ type: 'int' })
  regionId!: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  region?: Region;

  @Field({ description: 'City where the member is located.' })
  @Index()
  @Column({ type: 'varchar', length: 80 })
  city!: string;

  @Field(() => Int, { nullable: true, description: 'Headcount (effectif salarié), when known.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  headcount!: number | null;

  @Field(() => UrlScalar, { nullable: true, description: 'Website address.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  website!: string | null;

  @Confidential()
  @Field(() => String, {
    nullable: true,
    description: 'Name of the contact person (confidential).',
  })
  @Column({ type: 'varchar', length: 120, nullable: true })
  contactName!: string | null;

  @Confidential()
  @Field(() => String, {
    nullable: true,
    description: 'E-mail of the contact person (confidential).',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactEmail!: string | null;
}
