/** A criterion scored by evaluators (no indicator): what most suites' test phases need. */
export const SCORED_CRITERION = {
  code: 'STRATEGY',
  name: 'Stratégie',
  description: 'Feuille de route.',
  measurement: 'SCORE',
  threshold: '60',
} as const;
