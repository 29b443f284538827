import selectionDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-selection.graphql';
import { categoryChartOption } from '../chart-options';
import { PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { type HeatCell, heatTable, type HeatValue } from '../heat-table';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';

/**
 * Sélection: every pole of a phase against each criterion, its decision. 2 requests (3 with a
 * theme): the reference lists, the phase's dashboard with its assessments, the theme's poles.
 */
export async function renderSelectionPage(context: PageContext): Promise<void> {
  const { answers, i18n, params } = context;
  const asked = Number(params.get('phase')) || null;
  const region = params.get('region') ?? '';
  const theme = params.get('theme') ?? '';
  const [reference, loaded, themeAnswer] = await Promise.all([
    answers.load('dashboardReference'),
    // Without a phase in the URL, the server opens the running one: no request to find it first.
    answers.load('dashboardSelection', asked ? { phase: asked } : {}),
    theme ? answers.load('dashboardThemePoles', { theme }) : Promise.resolve(null),
  ]);
  const selection = loaded.data.selection;
  const phase = selection?.phase.number ?? asked ?? 0;
  const main = context.main;
  main.append(heading(`${i18n.t('sel.heading')} ${phase}`));
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'phase',
        i18n.t('phase'),
        reference.data.labellingPhases.map((item) => ({
          value: String(item.number),
          label: `${item.name} (${item.startYear}–${item.endYear})`,
        })),
        String(phase),
      ),
      filterSelect(
        context,
        'region',
        i18n.t('region'),
        [
          { value: '', label: i18n.t('all') },
          ...reference.data.regions.map((item) => ({ value: item.code, label: item.name })),
        ],
        region,
      ),
      filterSelect(
        context,
        'theme',
        i18n.t('theme'),
        [
          { value: '', label: i18n.t('allMasc') },
          ...reference.data.themes.map((item) => ({
            value: item.code,
            label: i18n.lang === 'fr' ? item.name : item.nameEn,
          })),
        ],
        theme,
      ),
    ),
  );
  if (!selection) return;

  const regions = reference.data.regions;
  const regionIdOfCode = new Map(regions.map((item) => [item.code, item.databaseId]));
  const regionNameOfId = new Map(regions.map((item) => [item.databaseId, item.name]));
  const themePoles = themeAnswer
    ? new Set(themeAnswer.data.poles.nodes.map((pole) => pole.slug))
    : null;
  const rows = selection.rows.filter(
    (row) =>
      (!region || row.pole.headquartersRegionId === regionIdOfCode.get(region)) &&
      (!themePoles || themePoles.has(row.pole.slug)),
  );
  const criteria = selection.criteria;
  const links = rows.map((row) => context.href('pole', { pole: row.pole.slug }));
  const variables = { phase };

  // What a cell says: its value against the threshold, or why it has none.
  const valueText = (assessment: { value: string | null; valueStatus: string }) =>
    assessment.valueStatus === 'CONFIDENTIAL'
      ? i18n.t('confidentialShort')
      : assessment.value === null
        ? i18n.t('missing')
        : i18n.number(assessment.value, 4);
  const matrixRows: Cell[][] = [];
  rows.forEach((row) => {
    row.criteria.forEach((assessment, x) => {
      matrixRows.push([
        row.pole.name,
        regionNameOfId.get(row.pole.headquartersRegionId) ?? null,
        row.decision?.outcome ?? null,
        row.decision?.durationYears ?? null,
        criteria[x]?.code ?? '',
        assessment.value ?? null,
        assessment.valueStatus,
        assessment.threshold,
        assessment.met === null ? null : assessment.met,
      ]);
    });
  });
  const heatCells: HeatCell[][] = rows.map((row) =>
    row.criteria.map((assessment, x) => {
      const state: HeatValue =
        assessment.valueStatus === 'CONFIDENTIAL'
          ? 'confidential'
          : assessment.met === null
            ? 'missing'
            : assessment.met
              ? 'met'
              : 'unmet';
      return {
        state,
        label:
          `${criteria[x]?.name ?? ''}${i18n.t('colon')}${valueText(assessment)}` +
          ` / ${i18n.t('threshold').toLowerCase()} ${i18n.number(assessment.threshold, 4)}` +
          ` (${i18n.t(`heat.${state}`)})`,
      };
    }),
  );
  const title = i18n.t('sel.matrix');
  context.main.append(
    renderPanel(context, {
      id: `selection-phase-${phase}-criteria`,
      title,
      description: `${i18n.t('sel.matrixDesc')} ${selection.indicatorsYear}.`,
      operation: { document: selectionDocument, variables },
      columns: [
        { label: i18n.t('pole') },
        { label: i18n.t('region') },
        {
          label: i18n.t('decision'),
          format: (cell) => (cell === null ? i18n.t('none') : i18n.label(cell as string)),
        },
        { label: i18n.t('duration'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('criterion') },
        {
          label: i18n.t('value'),
          format: (cell) => (cell === null ? i18n.t('noValue') : i18n.number(cell as string, 4)),
        },
        {
          label: i18n.t('valueStatus'),
          format: (cell) => i18n.t(`status.${cell as 'KNOWN' | 'MISSING' | 'CONFIDENTIAL'}`),
        },
        { label: i18n.t('threshold'), format: (cell) => i18n.number(cell as string, 4) },
        {
          label: i18n.t('met'),
          format: (cell) =>
            cell === null ? i18n.t('noValue') : cell ? i18n.t('yes') : i18n.t('no'),
        },
      ],
      rows: matrixRows,
      rowLinks: rows.flatMap((row, index) => row.criteria.map(() => links[index] ?? null)),
      option: null,
      custom: heatTable(context, {
        label: `${title}. ${i18n.t('heat.keys')}`,
        columns: criteria.map((item, index) => ({
          short: `C${index + 1}`,
          name: `${item.name} (${i18n.t('threshold').toLowerCase()} ${i18n.number(item.threshold, 4)})`,
        })),
        rows: rows.map((row, index) => ({
          name: row.pole.name,
          detail: row.decision
            ? `${i18n.label(row.decision.outcome)}${row.decision.durationYears ? ` (${row.decision.durationYears} ${i18n.lang === 'fr' ? 'ans' : 'yrs'})` : ''}`
            : i18n.t('none'),
          href: links[index] ?? '',
          cells: heatCells[index] ?? [],
        })),
      }),
      notes: [
        criteria
          .map(
            (item, index) =>
              `C${index + 1}${i18n.t('colon')}${item.name} (${i18n.t('threshold').toLowerCase()} ${i18n.number(item.threshold, 4)})`,
          )
          .join(' · '),
        i18n.t('sel.statusNote'),
      ],
    }),
  );

  // Decisions: poles by outcome and duration.
  const decisionCounts = new Map<string, number>();
  for (const row of rows) {
    const key = row.decision
      ? `${row.decision.outcome}|${row.decision.durationYears ?? ''}`
      : 'NONE|';
    decisionCounts.set(key, (decisionCounts.get(key) ?? 0) + 1);
  }
  const decisionRows: Cell[][] = [...decisionCounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => {
      const [outcome, years] = key.split('|');
      return [outcome === 'NONE' ? null : outcome, years ? Number(years) : null, count];
    });
  const decisionLabel = (row: Cell[]) =>
    `${row[0] === null ? i18n.t('none') : i18n.label(row[0] as string)}${row[1] ? ` (${row[1]} ${i18n.lang === 'fr' ? 'ans' : 'yrs'})` : ''}`;
  context.main.append(
    renderPanel(context, {
      id: `selection-phase-${phase}-decisions`,
      title: i18n.t('sel.decisions'),
      description: i18n.t('sel.decisionsDesc'),
      operation: { document: selectionDocument, variables },
      columns: [
        {
          label: i18n.t('decision'),
          format: (cell) => (cell === null ? i18n.t('none') : i18n.label(cell as string)),
        },
        { label: i18n.t('duration'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('poles'), format: (cell) => i18n.number(cell as number) },
      ],
      rows: decisionRows,
      height: 240,
      option: categoryChartOption({
        orientation: 'bars',
        categories: decisionRows.map(decisionLabel),
        valueAxes: [{ format: (value) => i18n.number(value) }],
        series: [
          {
            type: 'bar',
            data: decisionRows.map((row) => row[2] as number),
            color: PALETTE[0]!,
            labels: true,
          },
        ],
      }),
    }),
  );
}
