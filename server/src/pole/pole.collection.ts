import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS, reversed } from '../database/relationships';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { LABELLING_DECISION_COLLECTION } from '../selection/labelling-decision.collection';
import { THEME_COLLECTION } from '../theme/theme.collection';
import { Pole } from './pole.entity';
import { PoleKind, PoleStatus } from './pole.enums';
import { PoleYear } from './pole-year.entity';

export const POLE_COLLECTION: CollectionSpec = {
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
  relations: {
    successor: {
      description: 'Poles that merged into a pole matching this filter (its predecessors).',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.poleSuccessor,
    },
    predecessor: {
      description: 'Poles formed by the merger of a pole matching this filter (successors).',
      target: () => POLE_COLLECTION,
      pairs: reversed(PAIRS.poleSuccessor),
    },
    region: {
      description: 'Poles headquartered in a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: PAIRS.poleHeadquartersRegion,
    },
    anyRegion: {
      description: 'Poles headquartered in, or covering, a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: `${PAIRS.poleHeadquartersRegion} UNION ${PAIRS.poleCoveredRegion}`,
    },
    coveredRegion: {
      description: 'Poles that cover (beyond their headquarters) a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: PAIRS.poleCoveredRegion,
    },
    theme: {
      description: 'Poles with a theme matching this filter.',
      target: () => THEME_COLLECTION,
      pairs: PAIRS.poleTheme,
    },
    member: {
      description: 'Poles with an active member matching this filter.',
      target: () => MEMBER_COLLECTION,
      pairs: PAIRS.poleActiveMember,
    },
    project: {
      description: 'Poles that lead or co-label a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectPole),
    },
    coLabelledProject: {
      description: 'Poles that co-label (without leading) a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectCoLabellingPole),
    },
    decision: {
      description: 'Poles with a labelling decision matching this filter.',
      target: () => LABELLING_DECISION_COLLECTION,
      pairs: reversed(PAIRS.decisionPole),
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
};

export const POLE_YEAR_COLLECTION: CollectionSpec = {
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
  relations: {
    pole: {
      description: 'Figures of a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.poleYearPole,
    },
  },
  orderFields: { YEAR: 'year' },
  defaultOrder: [{ field: 'YEAR', direction: 'ASC' }],
  aggregateFields: ['budget', 'membersCount'],
};
