import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS, reversed } from '../database/relationships';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { Member } from './member.entity';
import { MemberCategory } from './member.enums';
import { Membership } from './membership.entity';

export const MEMBER_COLLECTION: CollectionSpec = {
  typeName: 'Member',
  entity: Member,
  table: 'member',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The member’s global id.' },
    name: { kind: 'string', column: 'name', description: 'Name of the organisation.' },
    siren: { kind: 'string', column: 'siren', description: 'SIREN number.' },
    category: {
      kind: 'enum',
      column: 'category',
      enum: { type: MemberCategory, name: 'MemberCategory' },
      description: 'Micro firm, SME, mid-size, large, research, training…',
    },
    city: { kind: 'string', column: 'city', description: 'City.' },
    headcount: { kind: 'int', column: 'headcount', nullable: true, description: 'Headcount.' },
    createdAt: {
      kind: 'datetime',
      column: 'createdAt',
      description: 'When the record was created.',
    },
  },
  relations: {
    region: {
      description: 'Members located in a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: PAIRS.memberRegion,
    },
    pole: {
      description: 'Members with an active membership of a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: reversed(PAIRS.poleActiveMember),
    },
    project: {
      description: 'Members taking part in a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectPartnerMember),
    },
    coordinatedProject: {
      description: 'Members coordinating a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectCoordinator),
    },
    membership: {
      description: 'Members with a membership (current or past) matching this filter.',
      target: () => MEMBERSHIP_COLLECTION,
      pairs: reversed(PAIRS.membershipMember),
    },
  },
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
};

export const MEMBERSHIP_COLLECTION: CollectionSpec = {
  typeName: 'Membership',
  entity: Membership,
  table: 'membership',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The membership’s global id.' },
    startDate: { kind: 'date', column: 'startDate', description: 'First day.' },
    endDate: {
      kind: 'date',
      column: 'endDate',
      nullable: true,
      description: 'Last day; null while active.',
    },
    active: {
      kind: 'boolean',
      column: '($.`endDate` IS NULL)',
      description: 'Running today (no end date).',
    },
    yearlyFee: {
      kind: 'decimal',
      column: 'yearlyFee',
      nullable: true,
      description: 'Yearly fee in euros.',
    },
    boardSeat: { kind: 'boolean', column: 'boardSeat', description: 'Holds a board seat.' },
  },
  relations: {
    member: {
      description: 'Memberships of a member matching this filter.',
      target: () => MEMBER_COLLECTION,
      pairs: PAIRS.membershipMember,
    },
    pole: {
      description: 'Memberships of a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.membershipPole,
    },
  },
  orderFields: { START_DATE: 'startDate', END_DATE: 'endDate', YEARLY_FEE: 'yearlyFee' },
  defaultOrder: [{ field: 'START_DATE', direction: 'ASC' }],
  aggregateFields: ['yearlyFee'],
};
