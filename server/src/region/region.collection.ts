import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS, reversed } from '../database/relationships';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { Region } from './region.entity';

export const REGION_COLLECTION: CollectionSpec = {
  typeName: 'Region',
  entity: Region,
  table: 'region',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The region’s global id.' },
    code: { kind: 'string', column: 'code', description: 'INSEE code, e.g. "84".' },
    name: { kind: 'string', column: 'name', description: 'Name of the region.' },
    overseas: { kind: 'boolean', column: 'overseas', description: 'Overseas region (outre-mer).' },
    inSelectionAndTracking: {
      kind: 'boolean',
      column: 'inSelectionAndTracking',
      description: 'Takes part in the selection and tracking of the poles.',
    },
  },
  relations: {
    headquarteredPole: {
      description: 'Regions where a pole matching this filter has its headquarters.',
      target: () => POLE_COLLECTION,
      pairs: reversed(PAIRS.poleHeadquartersRegion),
    },
    coveredPole: {
      description: 'Regions covered (beyond its headquarters) by a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: reversed(PAIRS.poleCoveredRegion),
    },
    member: {
      description: 'Regions where a member matching this filter is located.',
      target: () => MEMBER_COLLECTION,
      pairs: reversed(PAIRS.memberRegion),
    },
    project: {
      description:
        'Regions of a project matching this filter (its lead pole’s or a partner’s region).',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectRegion),
    },
  },
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
};
