import 'reflect-metadata';

import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseRecord } from '../entity/base-record';
import { decimalColumn } from '../entity/column-types';
import { entityScalars, entityTable } from './entity-scalars';

enum Phase {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(Phase, { name: 'SpecPhase' });

/** An entity of the usual shape, declared here so that database/ tests stay below the features. */
@ObjectType()
@Entity('spec_call')
class Call extends BaseRecord {
  @Field({ description: 'Full title.' })
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => Phase, { description: 'Where the call stands.' })
  @Column({ type: 'simple-enum', enum: Phase })
  phase!: Phase;

  @Field(() => String, { nullable: true, description: 'Budget in euros; null until voted.' })
  @Column(decimalColumn(14, 2, { nullable: true }))
  budget!: string | null;

  @Field({ description: 'Opens on.' })
  @Column({ type: 'date', name: 'opens_on' })
  opensOn!: string;

  @Column({ type: 'int' })
  secret!: number;

  @Field({ description: 'Reference in the official journal.' })
  @Column({ type: 'varchar', length: 20, unique: true })
  reference!: string;

  @Field({ description: 'Number of the call in its year.' })
  @Index({ unique: true })
  @Column({ type: 'int' })
  number!: number;

  get label(): string {
    return this.title;
  }
}

describe('entityScalars', () => {
  it('reads kind, column, nullability, enum and description from the entity', () => {
    expect(entityScalars(Call, ['title', 'phase', 'budget', 'opensOn', 'createdAt'])).toEqual({
      title: { kind: 'string', column: 'title', description: 'Full title.' },
      phase: {
        kind: 'enum',
        column: 'phase',
        enum: { type: Phase, name: 'SpecPhase' },
        description: 'Where the call stands.',
      },
      budget: {
        kind: 'decimal',
        column: 'budget',
        nullable: true,
        description: 'Budget in euros; null until voted.',
      },
      opensOn: { kind: 'date', column: 'opens_on', description: 'Opens on.' },
      createdAt: {
        kind: 'datetime',
        column: 'createdAt',
        description: 'When this record was created.',
      },
    });
  });

  it('knows a unique column, by its column options or a one-column unique index', () => {
    expect(entityScalars(Call, ['reference', 'number', 'title'])).toEqual({
      reference: {
        kind: 'string',
        column: 'reference',
        unique: true,
        description: 'Reference in the official journal.',
      },
      number: {
        kind: 'int',
        column: 'number',
        unique: true,
        description: 'Number of the call in its year.',
      },
      title: { kind: 'string', column: 'title', description: 'Full title.' },
    });
  });

  it('filters id by global id, documented as Node.id', () => {
    expect(entityScalars(Call, ['id']).id).toEqual({
      kind: 'id',
      column: 'id',
      description: 'Opaque global id of this object; pass it to `node(id:)` or to filters.',
    });
  });

  it('adds computed fields as declared', () => {
    const open = { kind: 'boolean' as const, column: "($.`phase` = 'OPEN')", description: 'Open.' };
    expect(entityScalars(Call, [], { open })).toEqual({ open });
  });

  it('refuses a field that is no column, or a column the schema does not describe', () => {
    expect(() => entityScalars(Call, ['label'])).toThrow(
      'Call.label: no TypeORM column; declare kind, column and description',
    );
    expect(() => entityScalars(Call, ['secret'])).toThrow(
      'Call.secret: no GraphQL description to document the filter',
    );
  });
});

describe('entityTable', () => {
  it('is the table the entity names', () => {
    expect(entityTable(Call)).toBe('spec_call');
  });
});
