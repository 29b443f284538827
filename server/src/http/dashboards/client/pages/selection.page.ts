import selectionDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-selection.graphql';
import assessmentsDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-selection-assessments.graphql';
import { load, storedToken } from '../api';
import { escapeHtml, PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';

/** Sélection: every pole of a phase against each criterion; its decision. 3 requests. */
export async function renderSelectionPage(context: PageContext): Promise<void> {
  const { client, i18n, params } = context;
  const phases = (await load(() => client.dashboardPhases())).data.labellingPhases;
  const phase = Number(params.get('phase')) || currentPhase(phases);
  const region = params.get('region') ?? '';
  const theme = params.get('theme') ?? '';
  const variables = { phase, ...(theme ? { theme, withTheme: true } : {}) };
  // Anonymous callers' bucket (1,000 points) cannot hold both at once: the larger one first,
  // while it is fullest. A token's bucket can: both at once.
  const assessmentsAnswer = load(() => client.dashboardSelectionAssessments({ phase }));
  if (!storedToken()) await assessmentsAnswer;
  const [assessments, { data }] = await Promise.all([
    assessmentsAnswer,
    load(() => client.dashboardSelection(variables)),
  ]);
  const reference = data;
  const selection = data.selection;
  const main = context.main;
  main.append(heading(`${i18n.t('sel.heading')} ${selection?.phase.number ?? phase}`));
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'phase',
        i18n.t('phase'),
        phases.map((item) => ({
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
          ...reference.regions.map((item) => ({ value: item.code, label: item.name })),
        ],
        region,
      ),
      filterSelect(
        context,
        'theme',
        i18n.t('theme'),
        [
          { value: '', label: i18n.t('allMasc') },
          ...reference.themes.map((item) => ({
            value: item.code,
            label: i18n.lang === 'fr' ? item.name : item.nameEn,
          })),
        ],
        theme,
      ),
    ),
  );
  if (!selection) return;

  const regionIdOfCode = new Map(reference.regions.map((item) => [item.code, item.databaseId]));
  const regionNameOfId = new Map(reference.regions.map((item) => [item.databaseId, item.name]));
  const themePoles = theme
    ? new Set((data.themePoles?.nodes ?? []).map((pole) => pole.slug))
    : null;
  const assessed = assessments.data.selection?.rows ?? [];
  const rows = selection.rows
    .map((row, index) => ({ ...row, criteria: assessed[index]?.criteria ?? [] }))
    .filter(
      (row) =>
        (!region || row.pole.headquartersRegionId === regionIdOfCode.get(region)) &&
        (!themePoles || themePoles.has(row.pole.slug)),
    );
  const criteria = selection.criteria;

  // The heat map: one cell per pole and criterion, 1 met, 0 not met, -1 no value.
  const matrixRows: Cell[][] = [];
  const cells: [number, number, number][] = [];
  rows.forEach((row, y) => {
    row.criteria.forEach((assessment, x) => {
      matrixRows.push([
        row.pole.name,
        regionNameOfId.get(row.pole.headquartersRegionId) ?? null,
        row.decision?.outcome ?? null,
        row.decision?.durationYears ?? null,
        criteria[x]?.code ?? '',
        assessment.value ?? null,
        assessment.threshold,
        assessment.met === null ? null : assessment.met,
      ]);
      cells.push([x, y, assessment.met === null ? -1 : assessment.met ? 1 : 0]);
    });
  });
  const poleNames = rows.map((row) => row.pole.name);
  const links = rows.map((row) => context.href('pole', { pole: row.pole.slug }));
  const formatValue = (cell: Cell) =>
    cell === null ? i18n.t('noValue') : i18n.number(cell as string, 4);
  context.main.append(
    renderPanel(context, {
      id: `selection-phase-${phase}-criteria`,
      title: i18n.t('sel.matrix'),
      description: `${i18n.t('sel.matrixDesc')} ${selection.indicatorsYear}.`,
      operation: { document: assessmentsDocument, variables: { phase } },
      columns: [
        { label: i18n.t('pole') },
        { label: i18n.t('region') },
        {
          label: i18n.t('decision'),
          format: (cell) => (cell === null ? i18n.t('none') : i18n.label(cell as string)),
        },
        { label: i18n.t('duration'), format: (cell) => i18n.number(cell as number) },
        { label: i18n.t('criterion') },
        { label: i18n.t('value'), format: formatValue },
        { label: i18n.t('threshold'), format: (cell) => i18n.number(cell as string, 4) },
        {
          label: i18n.t('met'),
          format: (cell) =>
            cell === null ? i18n.t('noValue') : cell ? i18n.t('yes') : i18n.t('no'),
        },
      ],
      rows: matrixRows,
      rowLinks: rows.flatMap((row, index) => row.criteria.map(() => links[index])),
      height: Math.max(160, 60 + rows.length * 20),
      option: {
        tooltip: {
          formatter: (item: { value: [number, number, number] }) => {
            const [x, y] = item.value;
            const assessment = rows[y]?.criteria[x];
            const decision = rows[y]?.decision;
            return `${escapeHtml(poleNames[y] ?? '')} · ${decision ? i18n.label(decision.outcome) : i18n.t('none')}<br>${escapeHtml(criteria[x]?.name ?? '')}${i18n.t('colon')}${formatValue(assessment?.value ?? null)} / ${i18n.number(assessment?.threshold, 4)}`;
          },
        },
        grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          position: 'top',
          // Short column names (C1…C11), spelled out in the note under the chart.
          data: criteria.map((_item, index) => `C${index + 1}`),
          axisLabel: { fontSize: 9, interval: 0, hideOverlap: false },
        },
        yAxis: {
          type: 'category',
          data: poleNames,
          inverse: true,
          axisLabel: {
            fontSize: 10,
            width: Math.min(170, Math.round(window.innerWidth * 0.3)),
            overflow: 'truncate',
          },
        },
        visualMap: {
          type: 'piecewise',
          show: false,
          pieces: [
            { value: 1, color: '#1a7f37', label: i18n.t('yes') },
            { value: 0, color: '#c62828', label: i18n.t('no') },
            { value: -1, color: '#d0d7de', label: i18n.t('noValue') },
          ],
        },
        series: [
          { type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 } },
        ],
      },
      notes: [
        criteria
          .map(
            (item, index) =>
              `C${index + 1}${i18n.t('colon')}${item.name} (${i18n.t('threshold').toLowerCase()} ${i18n.number(item.threshold, 4)})`,
          )
          .join(' · '),
        i18n.t('sel.nullNote'),
      ],
      onClick: (item) => {
        const y = (item.value as [number, number, number])[1];
        const link = links[y];
        if (link) context.go(link);
      },
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
      option: {
        tooltip: {},
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: (value: number) => i18n.number(value) } },
        yAxis: { type: 'category', data: decisionRows.map(decisionLabel), inverse: true },
        series: [
          {
            type: 'bar',
            data: decisionRows.map((row) => row[2]),
            itemStyle: { color: PALETTE[0] },
            label: { show: true, position: 'right' },
          },
        ],
      },
    }),
  );
}

/** The phase running this year, else the latest one that has started. */
function currentPhase(phases: { number: number; startYear: number; endYear: number }[]): number {
  const year = new Date().getFullYear();
  const running = phases.find((item) => item.startYear <= year && year <= item.endYear);
  if (running) return running.number;
  const started = phases.filter((item) => item.startYear <= year);
  return (started.at(-1) ?? phases.at(-1))?.number ?? 1;
}
