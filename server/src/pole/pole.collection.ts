import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Pole } from './pole.entity';
import { PoleKind, PoleStatus } from './pole.enums';
import { PoleYear } from './pole-year.entity';

export const POLE_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Pole',
  entity: Pole,
  table: 'pole',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The pole’s global id.' },
    name: { kind: 'string', column: 'name', description: 'Name of the pole.' },
    acronym: { kind: 'string', column: 'acronym', nullable: true, description: 'Acronym (sigle).' },
    slug: { kind: 'string', column: 'slug', description: 'URL-safe unique name.' },
    kind: {
      kind: 'enum',
      column: 'kind',
      enum: { type: PoleKind, name: 'PoleKind' },
      description: 'Pôle de compétitivité or other cluster.',
    },
    status: {
      kind: 'enum',
      column: 'status',
      enum: { type: PoleStatus, name: 'PoleStatus' },
      description: 'Labelled, not labelled, merged or dissolved.',
    },
    city: { kind: 'string', column: 'city', description: 'City of the headquarters.' },
    foundedYear: {
      kind: 'int',
      column: 'foundedYear',
      nullable: true,
      description: 'Year founded.',
    },
    createdAt: {
      kind: 'datetime',
      column: 'createdAt',
      description: 'When the record was created.',
    },
  },
  orderFields: {
    NAME: 'name',
    SLUG: 'slug',
    CITY: 'city',
    FOUNDED_YEAR: 'foundedYear',
    STATUS: 'status',
    CREATED_AT: 'createdAt',
  },
  defaultOrder: [{ field: 'NAME', direction: 'ASC' }],
  aggregateFields: [],
});

export const POLE_YEAR_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'PoleYear',
  entity: PoleYear,
  table: 'pole_year',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The global id.' },
    year: { kind: 'int', column: 'year', description: 'Year of the figures.' },
    budget: { kind: 'decimal', column: 'budget', description: 'Budget in euros.' },
    privateFundingShare: {
      kind: 'decimal',
      column: 'privateFundingShare',
      description: 'Private share, 0 to 1.',
    },
    membersCount: { kind: 'int', column: 'membersCount', description: 'Members reported.' },
  },
  orderFields: { YEAR: 'year' },
  defaultOrder: [{ field: 'YEAR', direction: 'ASC' }],
  aggregateFields: ['budget', 'membersCount'],
});
