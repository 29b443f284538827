import { Field, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { toGlobalId } from '../../core/global-id';
import { DateTimeScalar } from './scalars/date.scalar';

/** What every stored record has: a stable numeric key and its creation and update instants. */
@ObjectType() // never emitted on its own: type-graphql 2 only emits types reachable from resolvers
export abstract class BaseRecord {
  @Field(() => Int, {
    name: 'databaseId',
    description: 'The numeric key of this record in the database (prefer `id` in new code).',
  })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The Relay global id (`Node.id`); the GraphQL type name is the class name. */
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }

  @Field(() => DateTimeScalar, { description: 'When this record was created.' })
  @CreateDateColumn()
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When this record was last changed.' })
  @UpdateDateColumn()
  updatedAt!: Date;
}

/**
 * A record that users change: `version` grows by one on every update, and an update that
 * names a stale `expectedVersion` is refused (optimistic locking).
 */
@ObjectType() // never emitted on its own: type-graphql 2 only emits types reachable from resolvers
export abstract class VersionedRecord extends BaseRecord {
  @Field(() => Int, {
    description: 'Grows by one on every change; send it back as `expectedVersion` when updating.',
  })
  @VersionColumn({ default: 1 })
  version!: number;
}
