import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { Role } from '../auth/roles';
import { BaseRecord } from '../database/entity/base-record';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';

/**
 * An API token (jeton d’accès): its role and scope. The secret itself is shown once, at
 * creation. Not a GraphQL type: tokens are managed with `npm run token`, and the schema the
 * server serves must be exactly the committed one.
 */
@Entity('api_token')
export class ApiToken extends BaseRecord {
  /** What the token is for, e.g. "Région AURA – tableau de bord". */
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** What the token may read and write. */
  @Column({ type: 'simple-enum', enum: Role })
  role!: Role;

  /** SHA-256 of the secret: tokens carry 256 random bits, so a fast hash is enough. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  /** The first characters of the secret, to recognise it. */
  @Column({ type: 'varchar', length: 12 })
  prefix!: string;

  /** Database key of the region a REGION_OFFICER token is limited to. */
  @Column({ type: 'int', nullable: true })
  regionId!: number | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'regionId' })
  region?: Region | null;

  /** Database key of the ministry a MINISTRY_ANALYST token acts for. */
  @Column({ type: 'int', nullable: true })
  ministryId!: number | null;

  @ManyToOne(() => Ministry, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ministryId' })
  ministry?: Ministry | null;

  /** Database key of the pole a POLE_MANAGER token manages. */
  @Column({ type: 'int', nullable: true })
  poleId!: number | null;

  @ManyToOne(() => Pole, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'poleId' })
  pole?: Pole | null;

  /** After this instant the token is refused; null: never. */
  @Column({ type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  /** When the token was revoked; null while it is valid. */
  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
