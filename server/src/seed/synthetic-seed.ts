import type { DataSource } from 'typeorm';

import { Member } from '../member/member.entity';
import { Membership } from '../member/membership.entity';
import { PoleYear } from '../pole/pole-year.entity';
import { Project } from '../project/project.entity';
import { ProjectPartner } from '../project/project-partner.entity';
import { ProjectStatusChange } from '../project/project-status-change.entity';
import { ClusterLabel } from '../selection/cluster-label.entity';
import { Evaluation } from '../selection/evaluation.entity';
import { EvaluationScore } from '../selection/evaluation-score.entity';
import { insertInChunks, type InsertProgress } from './bulk-insert';
import { buildPoleProfiles } from './pole-profiles';
import { SeededRandom } from './random';
import type { ReferenceIds } from './reference-seed';
import { generateMembers } from './synthetic-members';
import { generateProjects } from './synthetic-projects';
import { generateSelection } from './synthetic-selection';

/**
 * The seed of the synthetic dataset: 27 March 2023, the day phase V was announced. Changing it
 * changes every synthetic row and the dataset checksum.
 */
export const SYNTHETIC_SEED = 20230327;

export interface SyntheticSeedOptions {
  /** Multiplies members, memberships and projects; a whole number ≥ 1. */
  scale: number;
  progress?: InsertProgress;
  log?: (line: string) => void;
}

/**
 * Generates the synthetic national dataset in memory from `SYNTHETIC_SEED`, then inserts it one
 * transaction per group of tables. Everything is computed before the first insert, so ids are
 * planned as 1..n per table (the tables must be empty). Returns rows inserted by table.
 */
export async function seedSyntheticData(
  dataSource: DataSource,
  ids: ReferenceIds,
  options: SyntheticSeedOptions,
): Promise<Record<string, number>> {
  const { scale, progress } = options;
  const started = performance.now();
  const { membersData, projects, selection } = generateSyntheticDataset(ids, scale);
  options.log?.(`[seed] generated the synthetic dataset (${seconds(started)} s)`);

  const counts: Record<string, number> = {};
  const planned = { progress, firstPlannedId: 1 };
  await dataSource.transaction(async (manager) => {
    counts.member = await insertInChunks(manager, Member, membersData.members, planned);
  });
  await dataSource.transaction(async (manager) => {
    counts.membership = await insertInChunks(manager, Membership, membersData.memberships, {
      progress,
    });
  });
  await dataSource.transaction(async (manager) => {
    counts.project = await insertInChunks(manager, Project, projects.projects, planned);
    counts.project_theme = await insertInChunks(manager, 'project_theme', projects.projectThemes, {
      progress,
    });
    counts.project_co_labelling_pole = await insertInChunks(
      manager,
      'project_co_labelling_pole',
      projects.coLabellingPoles,
      { progress },
    );
    counts.project_partner = await insertInChunks(manager, ProjectPartner, projects.partners, {
      progress,
    });
    counts.project_status_change = await insertInChunks(
      manager,
      ProjectStatusChange,
      projects.statusChanges,
      { progress },
    );
  });
  await dataSource.transaction(async (manager) => {
    counts.pole_year = await insertInChunks(manager, PoleYear, selection.poleYears, { progress });
  });
  await dataSource.transaction(async (manager) => {
    counts.evaluation = await insertInChunks(manager, Evaluation, selection.evaluations, planned);
    counts.evaluation_score = await insertInChunks(manager, EvaluationScore, selection.scores, {
      progress,
    });
    counts.cluster_label = await insertInChunks(manager, ClusterLabel, selection.clusterLabels, {
      progress,
    });
  });
  return counts;
}

/** The synthetic dataset in memory, from `SYNTHETIC_SEED`, before any insert. */
export function generateSyntheticDataset(ids: ReferenceIds, scale: number) {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  // Each part draws from its own stream, so changing one part leaves the others' rows alone.
  const random = new SeededRandom(SYNTHETIC_SEED);
  const poles = buildPoleProfiles(random.fork('poles'), ids);
  const membersData = generateMembers(random.fork('members'), ids, poles, scale);
  const projects = generateProjects(random.fork('projects'), ids, poles, membersData, scale);
  const selection = generateSelection(random.fork('selection'), ids, poles, membersData);
  return { membersData, projects, selection };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
