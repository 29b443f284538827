import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Pole } from './pole.entity';
import { PoleYear } from './pole-year.entity';

export const POLE_COLLECTION = defineTypedCollection({
  typeName: 'Pole',
  entity: Pole,
  scalars: entityScalars(Pole, [
    'id',
    'name',
    'acronym',
    'slug',
    'kind',
    'status',
    'city',
    'foundedYear',
    'createdAt',
  ]),
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

export const POLE_YEAR_COLLECTION = defineTypedCollection({
  typeName: 'PoleYear',
  entity: PoleYear,
  scalars: entityScalars(PoleYear, ['id', 'year', 'budget', 'privateFundingShare', 'membersCount']),
  orderFields: { YEAR: 'year' },
  defaultOrder: [{ field: 'YEAR', direction: 'ASC' }],
  aggregateFields: ['budget', 'membersCount'],
});
