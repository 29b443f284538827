/**
 * The relation graph: every relationship between two types, declared ONCE, with the name and
 * the filter description it has on each side (null: not walkable from that side), the keys
 * that join them, and whether it is detail-only. The list engine derives both directions from
 * each entry (relation filters, nested lists, counts, aggregates), and the permission policy
 * reads the same keys, so no inverse is ever written by hand.
 *
 * A relationship links a row of `a` to a row of `b` through one or more `paths` (several
 * paths: the union). A path is a chain of hops; each hop reads pairs `(from, to)` from two
 * columns of one table: the chain starts from an `a` id and ends on a `b` id.
 */
export interface Hop {
  table: string;
  from: string;
  to: string;
  /** Extra condition on the hop's row, over the alias `$`. */
  where?: string;
}

export interface RelationshipEnd {
  type: string;
  /** The relation's name on this type (filter field, nested list); null: none on this side. */
  name: string | null;
  /** The filter field's description. */
  description?: string;
}

export interface Relationship {
  a: RelationshipEnd;
  b: RelationshipEnd;
  paths: readonly (readonly Hop[])[];
  /**
   * Detail-only: the pairs exist only for callers who may read the detail of that end's record
   * (`a` or `b`); for others the relationship does not exist, in any direction or channel.
   */
  detailOf?: 'a' | 'b';
}

/** A foreign key `column` of `table` (row id → referenced id). */
function key(table: string, column: string, where?: string): Hop {
  return { table, from: 'id', to: column, ...(where ? { where } : {}) };
}

/** A join table or a child table read by its two foreign keys. */
function link(table: string, from: string, to: string, where?: string): Hop {
  return { table, from, to, ...(where ? { where } : {}) };
}

const ACTIVE = '$.`endDate` IS NULL';

/** Declared `as const`, so that the relation names are types too (see RelationNameOf). */
const DECLARED = [
  // Poles and their places and themes.
  {
    a: {
      type: 'Pole',
      name: 'region',
      description: 'Poles headquartered in a region matching this filter.',
    },
    b: {
      type: 'Region',
      name: 'headquarteredPole',
      description: 'Regions where a pole matching this filter has its headquarters.',
    },
    paths: [[key('pole', 'headquartersRegionId')]],
  },
  {
    a: {
      type: 'Pole',
      name: 'coveredRegion',
      description: 'Poles that cover (beyond their headquarters) a region matching this filter.',
    },
    b: {
      type: 'Region',
      name: 'coveredPole',
      description: 'Regions covered (beyond its headquarters) by a pole matching this filter.',
    },
    paths: [[link('pole_covered_region', 'poleId', 'regionId')]],
  },
  {
    a: {
      type: 'Pole',
      name: 'anyRegion',
      description: 'Poles headquartered in, or covering, a region matching this filter.',
    },
    b: { type: 'Region', name: null },
    paths: [
      [key('pole', 'headquartersRegionId')],
      [link('pole_covered_region', 'poleId', 'regionId')],
    ],
  },
  {
    a: { type: 'Pole', name: 'theme', description: 'Poles with a theme matching this filter.' },
    b: { type: 'Theme', name: 'pole', description: 'Themes of a pole matching this filter.' },
    paths: [[link('pole_theme', 'poleId', 'themeId')]],
  },
  {
    a: {
      type: 'Pole',
      name: 'member',
      description: 'Poles with an active member matching this filter.',
    },
    b: {
      type: 'Member',
      name: 'pole',
      description: 'Members with an active membership of a pole matching this filter.',
    },
    paths: [[link('membership', 'poleId', 'memberId', ACTIVE)]],
  },
  {
    a: {
      type: 'Pole',
      name: 'successor',
      description: 'Poles that merged into a pole matching this filter (its predecessors).',
    },
    b: {
      type: 'Pole',
      name: 'predecessor',
      description: 'Poles formed by the merger of a pole matching this filter (successors).',
    },
    paths: [[key('pole', 'successorId')]],
  },
  {
    a: { type: 'PoleYear', name: 'pole', description: 'Figures of a pole matching this filter.' },
    b: { type: 'Pole', name: null },
    paths: [[key('pole_year', 'poleId')]],
  },
  // Members and memberships.
  {
    a: {
      type: 'Member',
      name: 'region',
      description: 'Members located in a region matching this filter.',
    },
    b: {
      type: 'Region',
      name: 'member',
      description: 'Regions where a member matching this filter is located.',
    },
    paths: [[key('member', 'regionId')]],
  },
  {
    a: {
      type: 'Membership',
      name: 'member',
      description: 'Memberships of a member matching this filter.',
    },
    b: {
      type: 'Member',
      name: 'membership',
      description: 'Members with a membership (current or past) matching this filter.',
    },
    paths: [[key('membership', 'memberId')]],
  },
  {
    a: {
      type: 'Membership',
      name: 'pole',
      description: 'Memberships of a pole matching this filter.',
    },
    b: { type: 'Pole', name: null },
    paths: [[key('membership', 'poleId')]],
  },
  // Projects.
  {
    a: {
      type: 'Project',
      name: 'programme',
      description: 'Projects funded by a programme matching this filter.',
    },
    b: { type: 'FundingProgramme', name: null },
    paths: [[key('project', 'programmeId')]],
  },
  {
    a: {
      type: 'Project',
      name: 'leadPole',
      description: 'Projects led by a pole matching this filter.',
    },
    b: { type: 'Pole', name: null },
    paths: [[key('project', 'leadPoleId')]],
  },
  {
    a: {
      type: 'Project',
      name: 'coLabellingPole',
      description: 'Projects co-labelled by a pole matching this filter.',
    },
    b: {
      type: 'Pole',
      name: 'coLabelledProject',
      description: 'Poles that co-label (without leading) a project matching this filter.',
    },
    paths: [[link('project_co_labelling_pole', 'projectId', 'poleId')]],
  },
  {
    a: {
      type: 'Project',
      name: 'pole',
      description: 'Projects led or co-labelled by a pole matching this filter.',
    },
    b: {
      type: 'Pole',
      name: 'project',
      description: 'Poles that lead or co-label a project matching this filter.',
    },
    paths: [
      [key('project', 'leadPoleId')],
      [link('project_co_labelling_pole', 'projectId', 'poleId')],
    ],
  },
  {
    a: {
      type: 'Project',
      name: 'partner',
      description: 'Projects with a partner (any role) matching this filter.',
    },
    b: {
      type: 'Member',
      name: 'project',
      description: 'Members taking part in a project matching this filter.',
    },
    paths: [[link('project_partner', 'projectId', 'memberId')]],
    detailOf: 'a',
  },
  {
    a: {
      type: 'Project',
      name: 'coordinator',
      description: 'Projects coordinated by a member matching this filter.',
    },
    b: {
      type: 'Member',
      name: 'coordinatedProject',
      description: 'Members coordinating a project matching this filter.',
    },
    paths: [[key('project', 'coordinatorId')]],
    detailOf: 'a',
  },
  {
    a: {
      type: 'Project',
      name: 'theme',
      description: 'Projects with a theme matching this filter.',
    },
    b: {
      type: 'Theme',
      name: 'project',
      description: 'Themes of a project matching this filter.',
    },
    paths: [[link('project_theme', 'projectId', 'themeId')]],
  },
  {
    a: {
      type: 'Project',
      name: 'region',
      description:
        'Projects whose lead pole is headquartered, or a partner located, in a region matching this filter.',
    },
    b: {
      type: 'Region',
      name: 'project',
      description:
        'Regions of a project matching this filter (its lead pole’s or a partner’s region).',
    },
    paths: [
      [key('project', 'leadPoleId'), key('pole', 'headquartersRegionId')],
      [link('project_partner', 'projectId', 'memberId'), key('member', 'regionId')],
    ],
    detailOf: 'a',
  },
  {
    a: {
      type: 'ProjectPartner',
      name: 'project',
      description: 'Partnerships in a project matching this filter.',
    },
    b: { type: 'Project', name: null },
    paths: [[key('project_partner', 'projectId')]],
  },
  {
    a: {
      type: 'ProjectPartner',
      name: 'member',
      description: 'Partnerships of a member matching this filter.',
    },
    b: { type: 'Member', name: null },
    paths: [[key('project_partner', 'memberId')]],
  },
  {
    a: {
      type: 'ProjectStatusChange',
      name: 'project',
      description: 'Changes of a project matching this filter.',
    },
    b: { type: 'Project', name: null },
    paths: [[key('project_status_change', 'projectId')]],
  },
  // Selection.
  {
    a: {
      type: 'Criterion',
      name: 'phase',
      description: 'Criteria of a phase matching this filter.',
    },
    b: { type: 'LabellingPhase', name: null },
    paths: [[key('criterion', 'phaseId')]],
  },
  {
    a: {
      type: 'Evaluation',
      name: 'pole',
      description: 'Evaluations of a pole matching this filter.',
    },
    b: { type: 'Pole', name: null },
    paths: [[key('evaluation', 'poleId')]],
  },
  {
    a: {
      type: 'Evaluation',
      name: 'phase',
      description: 'Evaluations for a phase matching this filter.',
    },
    b: { type: 'LabellingPhase', name: null },
    paths: [[key('evaluation', 'phaseId')]],
  },
  {
    a: {
      type: 'Evaluation',
      name: 'ministry',
      description: 'Evaluations by a ministry matching this filter.',
    },
    b: { type: 'Ministry', name: null },
    paths: [[key('evaluation', 'ministryId')]],
  },
  {
    a: {
      type: 'Evaluation',
      name: 'region',
      description: 'Evaluations by a region matching this filter.',
    },
    b: { type: 'Region', name: null },
    paths: [[key('evaluation', 'regionId')]],
  },
  {
    a: {
      type: 'EvaluationScore',
      name: 'evaluation',
      description: 'Scores of an evaluation matching this filter.',
    },
    b: { type: 'Evaluation', name: null },
    paths: [[key('evaluation_score', 'evaluationId')]],
  },
  {
    a: {
      type: 'EvaluationScore',
      name: 'criterion',
      description: 'Scores on a criterion matching this filter.',
    },
    b: { type: 'Criterion', name: null },
    paths: [[key('evaluation_score', 'criterionId')]],
  },
  {
    a: {
      type: 'LabellingDecision',
      name: 'pole',
      description: 'Decisions on a pole matching this filter.',
    },
    b: {
      type: 'Pole',
      name: 'decision',
      description: 'Poles with a labelling decision matching this filter.',
    },
    paths: [[key('labelling_decision', 'poleId')]],
  },
  {
    a: {
      type: 'LabellingDecision',
      name: 'phase',
      description: 'Decisions of a phase matching this filter.',
    },
    b: { type: 'LabellingPhase', name: null },
    paths: [[key('labelling_decision', 'phaseId')]],
  },
  {
    a: {
      type: 'ClusterLabel',
      name: 'pole',
      description: 'Labels of a pole matching this filter.',
    },
    b: { type: 'Pole', name: null },
    paths: [[key('cluster_label', 'poleId')]],
  },
] as const satisfies readonly Relationship[];

export const RELATIONSHIPS: readonly Relationship[] = DECLARED;

/** Either end of any relationship. */
type RelationshipEnds = (typeof DECLARED)[number]['a' | 'b'];

/**
 * The names of the relations of the type `Type`, as the graph declares them, so that a relation
 * named in code is checked when it compiles; any string where the type is not known.
 */
export type RelationNameOf<Type extends string> = string extends Type
  ? string
  : Extract<RelationshipEnds, { type: Type; name: string }>['name'];

/** The relationship named `name` on `type`, seen from that type (its paths oriented from it). */
export function relationshipOf(
  type: string,
  name: string,
): { relationship: Relationship; side: 'a' | 'b' } | null {
  for (const relationship of RELATIONSHIPS) {
    if (relationship.a.type === type && relationship.a.name === name)
      return { relationship, side: 'a' };
    if (relationship.b.type === type && relationship.b.name === name)
      return { relationship, side: 'b' };
  }
  return null;
}
