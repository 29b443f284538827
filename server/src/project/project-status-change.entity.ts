import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseRecord } from '../database/entity/base-record';
import { Node } from '../database/entity/node.interface';
import { DateTimeScalar } from '../database/entity/scalars/date.scalar';
import { Project } from './project.entity';
import { ProjectStatus } from './project.enums';

@ObjectType({
  implements: Node,
  description:
    'One step of a project’s tracking history (historique): its status went from one value to another.',
})
@Entity('project_status_change')
@Index('IDX_project_status_change_project_at', ['projectId', 'changedAt'])
export class ProjectStatusChange extends BaseRecord {
  @Field(() => Int, { description: 'Database key of the project.' })
  @Index()
  @Column({ type: 'int' })
  projectId!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Field(() => ProjectStatus, {
    nullable: true,
    description: 'Status before the change; null when the project was created.',
  })
  @Column({ type: 'simple-enum', enum: ProjectStatus, nullable: true })
  fromStatus!: ProjectStatus | null;

  @Field(() => ProjectStatus, { description: 'Status after the change.' })
  @Index()
  @Column({ type: 'simple-enum', enum: ProjectStatus })
  toStatus!: ProjectStatus;

  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  @Index()
  @Column({ type: 'datetime' })
  changedAt!: Date;

  @Field({ description: 'Who made the change (the name of the token or person).' })
  @Column({ type: 'varchar', length: 120 })
  changedBy!: string;

  @Field(() => String, { nullable: true, description: 'Why the status changed.' })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
