import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseRecord } from '../entity/base-record';
import { Node } from '../entity/node.interface';
import { DateTimeScalar } from '../entity/scalars/date.scalar';

/** One field's values before and after a change, as stored in `AuditLogEntry.changes`. */
export interface AuditFieldChangeValue {
  field: string;
  before: string | null;
  after: string | null;
}

@ObjectType({
  implements: Node,
  description:
    'One write made through the API (journal d’audit): who changed which record, when, ' +
    'and the values before and after.',
})
@Entity('audit_log_entry')
@Index('IDX_audit_log_entry_record', ['recordType', 'recordId'])
export class AuditLogEntry extends BaseRecord {
  @Field({ description: 'Who made the change: the name of the API token, or "anonymous".' })
  @Index()
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  @Field({ description: 'The mutation, e.g. "changeProjectStatus".' })
  @Index()
  @Column({ type: 'varchar', length: 60 })
  operation!: string;

  @Field({ description: 'GraphQL type of the changed record, e.g. "Project".' })
  @Index()
  @Column({ type: 'varchar', length: 40 })
  recordType!: string;

  @Field(() => Int, { description: 'Database key of the changed record.' })
  @Column({ type: 'int' })
  recordId!: number;

  /** JSON array of AuditFieldChangeValue; exposed as `changes` by the resolver. */
  @Column({ type: 'text' })
  changesJson!: string;

  @Field({ description: 'Id of the HTTP request (X-Request-Id), to match server logs.' })
  @Column({ type: 'varchar', length: 64 })
  requestId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  @Index()
  @Column({ type: 'datetime', precision: 3 })
  occurredAt!: Date;
}
