/**
 * How the tables relate, each relationship written once as SQL pairs: `a` is the row of the
 * first named entity, `b` the row of the second (`projectLeadPole`: a = project, b = pole).
 * Relation filters, nested connections and bounded lists all read these, in either direction.
 */
export const PAIRS = {
  poleHeadquartersRegion: 'SELECT `id` AS a, `headquartersRegionId` AS b FROM `pole`',
  poleCoveredRegion: 'SELECT `poleId` AS a, `regionId` AS b FROM `pole_covered_region`',
  poleTheme: 'SELECT `poleId` AS a, `themeId` AS b FROM `pole_theme`',
  /** Members with a running membership (no end date). */
  poleActiveMember:
    'SELECT DISTINCT `poleId` AS a, `memberId` AS b FROM `membership` WHERE `endDate` IS NULL',
  /** A merged pole and the pole it merged into. */
  poleSuccessor: 'SELECT `id` AS a, `successorId` AS b FROM `pole` WHERE `successorId` IS NOT NULL',
  poleYearPole: 'SELECT `id` AS a, `poleId` AS b FROM `pole_year`',
  memberRegion: 'SELECT `id` AS a, `regionId` AS b FROM `member`',
  membershipMember: 'SELECT `id` AS a, `memberId` AS b FROM `membership`',
  membershipPole: 'SELECT `id` AS a, `poleId` AS b FROM `membership`',
  projectProgramme: 'SELECT `id` AS a, `programmeId` AS b FROM `project`',
  projectLeadPole: 'SELECT `id` AS a, `leadPoleId` AS b FROM `project`',
  projectCoLabellingPole: 'SELECT `projectId` AS a, `poleId` AS b FROM `project_co_labelling_pole`',
  /** The lead pole and the co-labelling poles. */
  projectPole:
    'SELECT `id` AS a, `leadPoleId` AS b FROM `project` ' +
    'UNION SELECT `projectId` AS a, `poleId` AS b FROM `project_co_labelling_pole`',
  projectCoordinator:
    'SELECT `id` AS a, `coordinatorId` AS b FROM `project` WHERE `coordinatorId` IS NOT NULL',
  projectPartnerMember: 'SELECT `projectId` AS a, `memberId` AS b FROM `project_partner`',
  projectTheme: 'SELECT `projectId` AS a, `themeId` AS b FROM `project_theme`',
  /** The headquarters region of the lead pole and the regions of the partners. */
  projectRegion:
    'SELECT pr.`id` AS a, lp.`headquartersRegionId` AS b FROM `project` pr ' +
    'JOIN `pole` lp ON lp.`id` = pr.`leadPoleId` ' +
    'UNION SELECT pp.`projectId` AS a, m.`regionId` AS b FROM `project_partner` pp ' +
    'JOIN `member` m ON m.`id` = pp.`memberId`',
  partnerProject: 'SELECT `id` AS a, `projectId` AS b FROM `project_partner`',
  partnerMember: 'SELECT `id` AS a, `memberId` AS b FROM `project_partner`',
  statusChangeProject: 'SELECT `id` AS a, `projectId` AS b FROM `project_status_change`',
  criterionPhase: 'SELECT `id` AS a, `phaseId` AS b FROM `criterion`',
  evaluationPole: 'SELECT `id` AS a, `poleId` AS b FROM `evaluation`',
  evaluationPhase: 'SELECT `id` AS a, `phaseId` AS b FROM `evaluation`',
  evaluationMinistry:
    'SELECT `id` AS a, `ministryId` AS b FROM `evaluation` WHERE `ministryId` IS NOT NULL',
  evaluationRegion:
    'SELECT `id` AS a, `regionId` AS b FROM `evaluation` WHERE `regionId` IS NOT NULL',
  scoreEvaluation: 'SELECT `id` AS a, `evaluationId` AS b FROM `evaluation_score`',
  scoreCriterion: 'SELECT `id` AS a, `criterionId` AS b FROM `evaluation_score`',
  decisionPole: 'SELECT `id` AS a, `poleId` AS b FROM `labelling_decision`',
  decisionPhase: 'SELECT `id` AS a, `phaseId` AS b FROM `labelling_decision`',
  clusterLabelPole: 'SELECT `id` AS a, `poleId` AS b FROM `cluster_label`',
} as const;

/** The same pairs seen from the other side (b becomes a). */
export function reversed(pairs: string): string {
  return `SELECT r.b AS a, r.a AS b FROM (${pairs}) r`;
}
