import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';

import { VersionedRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateScalar } from '../database/entity/scalars/date.scalar';
import { UrlScalar } from '../database/entity/scalars/url.scalar';
import { Region } from '../region/region.entity';
import { Theme } from '../theme/theme.entity';
import { PoleKind, PoleStatus } from './pole.enums';

@ObjectType({
  implements: Node,
  description:
    'A pôle de compétitivité (competitiveness cluster): it federates companies, research and ' +
    'training organisations of a territory around a theme and accompanies their R&D projects.',
})
@Entity('pole')
export class Pole extends VersionedRecord {
  @Field({ description: 'Name, e.g. "Aerospace Valley".' })
  @Index()
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Acronym (sigle), e.g. "PMT", when it has one.',
  })
  @Column({ type: 'varchar', length: 40, nullable: true })
  acronym!: string | null;

  @Field({ description: 'URL-safe unique name, e.g. "aerospace-valley".' })
  @Column({ type: 'varchar', length: 80, unique: true })
  slug!: string;

  @Field(() => PoleKind, { description: 'Pôle de compétitivité or other cluster.' })
  @Index()
  @Column({ type: 'simple-enum', enum: PoleKind, default: PoleKind.COMPETITIVENESS_CLUSTER })
  kind!: PoleKind;

  @Field(() => PoleStatus, { description: 'Labelled, not labelled, merged or dissolved.' })
  @Index()
  @Column({ type: 'simple-enum', enum: PoleStatus })
  status!: PoleStatus;

  @Field(() => Int, { description: 'Database key of the region of the headquarters (siège).' })
  @Index()
  @Column({ type: 'int' })
  headquartersRegionId!: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'headquartersRegionId' })
  headquartersRegion?: Region;

  @Field({ description: 'City of the headquarters, e.g. "Toulouse".' })
  @Index()
  @Column({ type: 'varchar', length: 80 })
  city!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the pole (or its oldest predecessor) was founded.',
  })
  @Index()
  @Column({ type: 'int', nullable: true })
  foundedYear!: number | null;

  @Field(() => UrlScalar, { nullable: true, description: 'Website address.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  website!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Database key of the pole this one merged into (its successor), e.g. Elastopôle → ' +
      'Polymeris; null when it did not merge.',
  })
  @Index()
  @Column({ type: 'int', nullable: true })
  successorId!: number | null;

  @ManyToOne(() => Pole, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'successorId' })
  successor?: Pole | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the merger into the successor took effect (e.g. 2020-12-31 for Polymeris); null ' +
      'when the pole did not merge.',
  })
  @Column({ type: 'date', nullable: true })
  mergedOn!: string | null;

  /** Regions the pole covers besides its headquarters region (inter-regional poles). */
  @ManyToMany(() => Region)
  @JoinTable({
    name: 'pole_covered_region',
    joinColumn: { name: 'poleId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'regionId', referencedColumnName: 'id' },
  })
  coveredRegions?: Region[];

  @ManyToMany(() => Theme)
  @JoinTable({
    name: 'pole_theme',
    joinColumn: { name: 'poleId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'themeId', referencedColumnName: 'id' },
  })
  themes?: Theme[];
}
