import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Member } from './member.entity';
import { Membership } from './membership.entity';

export const MEMBER_COLLECTION = defineTypedCollection({
  typeName: 'Member',
  entity: Member,
  scalars: entityScalars(Member, [
    'id',
    'name',
    'siren',
    'category',
    'city',
    'headcount',
    'createdAt',
  ]),
  orderFields: {
    NAME: 'name',
    SIREN: 'siren',
    CATEGORY: 'category',
    HEADCOUNT: 'headcount',
    CITY: 'city',
    CREATED_AT: 'createdAt',
  },
  defaultOrder: [{ field: 'NAME', direction: 'ASC' }],
  aggregateFields: ['headcount'],
});

export const MEMBERSHIP_COLLECTION = defineTypedCollection({
  typeName: 'Membership',
  entity: Membership,
  scalars: entityScalars(Membership, ['id', 'startDate', 'endDate', 'yearlyFee', 'boardSeat'], {
    active: {
      kind: 'boolean',
      column: '($.`endDate` IS NULL)',
      description: 'Running today (no end date).',
    },
  }),
  orderFields: { START_DATE: 'startDate', END_DATE: 'endDate', YEARLY_FEE: 'yearlyFee' },
  defaultOrder: [{ field: 'START_DATE', direction: 'ASC' }],
  aggregateFields: ['yearlyFee'],
});
