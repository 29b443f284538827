import { formatScaled } from '../core/scaled-decimal';
import { readRows } from '../database/database';
import { fetchPages } from '../database/query/relay-pages';
import type { GraphQLContext } from '../graphql/context';
import { EVALUATION_COLLECTION } from './evaluation.collection';
import type { Evaluation } from './evaluation.entity';
import { LABELLING_DECISION_COLLECTION } from './labelling-decision.collection';
import type { LabellingDecision } from './labelling-decision.entity';
import type { LabellingPhase } from './labelling-phase.entity';

/**
 * Loaders of the selection dashboard, one set per phase, keyed by pole id: every row of the
 * dashboard shares one statement per loader, whatever the number of poles. Lists go through
 * the collection engine, so the caller sees only the evaluations and decisions the
 * permission policy lets it see.
 */

/** Each pole's evaluations in the phase, oldest first. */
export function evaluationsByPoleIdLoader(context: GraphQLContext, phase: LabellingPhase) {
  const { dataSource, loaders, access } = context;
  return loaders.get<number, Evaluation[]>(
    `evaluationsByPoleId:phase:${phase.id}`,
    async (poleIds) => {
      const pages = await fetchPages<Evaluation>(
        dataSource,
        EVALUATION_COLLECTION,
        { filter: { phase: { number: { eq: phase.number } } } },
        {
          defaultOrder: [{ field: 'EVALUATED_ON', direction: 'ASC' }],
          unbounded: true,
          access,
        },
        { relation: EVALUATION_COLLECTION.relations.pole, parentIds: poleIds },
      );
      return poleIds.map((poleId) => pages.get(poleId)?.nodes ?? []);
    },
  );
}

/**
 * Each pole's latest decision for the phase, or null: a later extension or withdrawal (newest
 * first, by the default order) stands for the first decision it amends.
 */
export function labellingDecisionByPoleIdLoader(context: GraphQLContext, phase: LabellingPhase) {
  const { dataSource, loaders, access } = context;
  const key = `labellingDecisionByPoleId:phase:${phase.id}`;
  return loaders.get<number, LabellingDecision | null>(key, async (poleIds) => {
    const pages = await fetchPages<LabellingDecision>(
      dataSource,
      LABELLING_DECISION_COLLECTION,
      { filter: { phase: { number: { eq: phase.number } } } },
      {
        defaultOrder: LABELLING_DECISION_COLLECTION.defaultOrder,
        unbounded: true,
        access,
      },
      { relation: LABELLING_DECISION_COLLECTION.relations.pole, parentIds: poleIds },
    );
    return poleIds.map((poleId) => pages.get(poleId)?.nodes[0] ?? null);
  });
}

/**
 * Each pole's average score per criterion over the evaluations of the phase the caller may
 * see, keyed by criterion id, as decimal strings with two decimals. SQL only sums and counts;
 * the division is done here in integer hundredths, rounded half up, so both databases give
 * the same digits (SQLite sums in floats, MySQL in decimals).
 */
export function averageScoresByPoleIdLoader(context: GraphQLContext, phase: LabellingPhase) {
  const { dataSource, loaders, access } = context;
  const key = `averageScoresByPoleId:phase:${phase.id}`;
  return loaders.get<number, Map<number, string>>(key, async (poleIds) => {
    const visible = access.rows('Evaluation', 'e');
    const rows = (await readRows(
      dataSource,
      'SELECT e.`poleId` AS `poleId`, s.`criterionId` AS `criterionId`, ' +
        'SUM(s.`score`) AS `total`, COUNT(*) AS `scores` ' +
        'FROM `evaluation_score` s JOIN `evaluation` e ON e.`id` = s.`evaluationId` ' +
        `WHERE e.\`phaseId\` = ? AND e.\`poleId\` IN (${poleIds.map(() => '?').join(', ')})` +
        (visible ? ` AND ${visible}` : '') +
        ' GROUP BY e.`poleId`, s.`criterionId`',
      [phase.id, ...poleIds],
    )) as { poleId: unknown; criterionId: unknown; total: unknown; scores: unknown }[];
    const byPole = new Map<number, Map<number, string>>();
    for (const row of rows) {
      const poleId = Number(row.poleId);
      if (!byPole.has(poleId)) byPole.set(poleId, new Map());
      // Scores have two decimals, so the sum is a whole number of hundredths.
      const hundredths = Math.round(Number(row.total) * 100);
      const count = Number(row.scores);
      const average = Math.floor((2 * hundredths + count) / (2 * count));
      byPole.get(poleId)!.set(Number(row.criterionId), formatScaled(average, 2));
    }
    return poleIds.map((poleId) => byPole.get(poleId) ?? new Map<number, string>());
  });
}
