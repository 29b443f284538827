import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS, reversed } from '../database/relationships';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { Theme } from './theme.entity';

export const THEME_COLLECTION: CollectionSpec = {
  typeName: 'Theme',
  entity: Theme,
  table: 'theme',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The theme’s global id.' },
    code: { kind: 'string', column: 'code', description: 'Code, e.g. "HEALTH".' },
    name: { kind: 'string', column: 'name', description: 'French name.' },
    nameEn: { kind: 'string', column: 'nameEn', description: 'English name.' },
  },
  relations: {
    pole: {
      description: 'Themes of a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: reversed(PAIRS.poleTheme),
    },
    project: {
      description: 'Themes of a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: reversed(PAIRS.projectTheme),
    },
  },
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
};
