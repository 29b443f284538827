import trendsDocument from '../../../../../../client-sdk/src/operations/dashboards/dashboard-trends.graphql';
import { categoryChartOption } from '../chart-options';
import { PALETTE, renderPanel } from '../chart-panel';
import type { Cell } from '../csv';
import { filterBar, filterSelect, heading, type PageContext } from '../page-context';

const LEVELS = ['EUROPEAN', 'NATIONAL', 'REGIONAL'] as const;

/** Tendances: projects by year and level, European projects per phase, France 2030. 2 requests. */
export async function renderTrendsPage(context: PageContext): Promise<void> {
  const { answers, i18n, params } = context;
  const [reference, { data }] = await Promise.all([
    answers.load('dashboardReference'),
    answers.load('dashboardTrends'),
  ]);
  const phases = reference.data.labellingPhases;
  const level = (LEVELS as readonly string[]).includes(params.get('level') ?? '')
    ? params.get('level')!
    : '';
  const years = [
    ...new Set(
      data.projectsByYearAndLevel
        .map((group) => group.key.year)
        .filter((year): year is number => year != null),
    ),
  ].sort();
  const from = Number(params.get('from')) || years[0] || 0;
  const to = Number(params.get('to')) || years.at(-1) || 0;
  const shownYears = years.filter((year) => year >= from && year <= to);
  const shownLevels = level ? [level] : [...LEVELS];
  const undated = data.projectsByYearAndLevel
    .filter((group) => group.key.year == null)
    .reduce((total, group) => total + group.count, 0);

  const main = context.main;
  main.append(heading(i18n.t('page.tendances')));
  const yearOptions = years.map((year) => ({ value: String(year), label: String(year) }));
  main.append(
    filterBar(
      context,
      filterSelect(
        context,
        'level',
        i18n.t('level'),
        [
          { value: '', label: i18n.t('allMasc') },
          ...LEVELS.map((value) => ({ value, label: i18n.label(value) })),
        ],
        level,
      ),
      filterSelect(context, 'from', i18n.lang === 'fr' ? 'De' : 'From', yearOptions, String(from)),
      filterSelect(context, 'to', i18n.lang === 'fr' ? 'À' : 'To', yearOptions, String(to)),
    ),
  );

  const countOf = (year: number, programmeLevel: string) =>
    data.projectsByYearAndLevel.find(
      (group) => group.key.year === year && group.key.programmeLevel === programmeLevel,
    )?.count ?? 0;
  const rows: Cell[][] = shownYears.flatMap((year) =>
    shownLevels.map((programmeLevel) => [year, programmeLevel, countOf(year, programmeLevel)]),
  );
  // Phase boundaries: a line before each phase's first year on the category axis.
  const phaseLines = phases
    .filter((phase) => shownYears.includes(phase.startYear))
    .map((phase) => ({ at: String(phase.startYear), label: `${i18n.t('phase')} ${phase.number}` }));
  const notes = undated > 0 ? [`${i18n.number(undated)} ${i18n.t('tr.undated')}.`] : [];
  main.append(
    renderPanel(context, {
      id: 'trends-projects-by-year',
      title: i18n.t('tr.byYear'),
      description: i18n.t('tr.byYearDesc'),
      operation: { document: trendsDocument },
      columns: [
        { label: i18n.t('year') },
        { label: i18n.t('level'), format: (cell) => i18n.label(cell as string) },
        { label: i18n.t('projects'), format: (cell) => i18n.number(cell as number) },
      ],
      rows,
      height: 340,
      option: categoryChartOption({
        orientation: 'columns',
        categories: shownYears.map(String),
        valueAxes: [{ format: (value) => i18n.number(value) }],
        series: shownLevels.map((programmeLevel, index) => ({
          type: 'bar',
          stack: 'projects',
          name: i18n.label(programmeLevel),
          data: shownYears.map((year) => countOf(year, programmeLevel)),
          color:
            PALETTE[LEVELS.indexOf(programmeLevel as (typeof LEVELS)[number])] ?? PALETTE[index]!,
          marks: index === 0 ? phaseLines : [],
        })),
      }),
      notes,
    }),
  );

  // European projects per labelling phase, and the change from the phase before.
  const europeanRows: Cell[][] = [];
  let previous: number | null = null;
  for (const phase of phases) {
    let total = 0;
    for (let year = phase.startYear; year <= phase.endYear; year += 1)
      total += countOf(year, 'EUROPEAN');
    const growth = previous ? Number(((total - previous) / previous).toFixed(4)) : null;
    europeanRows.push([`${phase.name} (${phase.startYear}–${phase.endYear})`, total, growth]);
    previous = total;
  }
  main.append(
    renderPanel(context, {
      id: 'trends-european-by-phase',
      title: i18n.t('tr.europe'),
      description: i18n.t('tr.europeDesc'),
      operation: { document: trendsDocument },
      columns: [
        { label: i18n.t('phase') },
        { label: i18n.t('europeanProjects'), format: (cell) => i18n.number(cell as number) },
        {
          label: i18n.t('tr.growth'),
          format: (cell) => (cell === null ? '—' : i18n.percent(cell as number)),
        },
      ],
      rows: europeanRows,
      height: 280,
      option: categoryChartOption({
        orientation: 'columns',
        categories: europeanRows.map((row) => String(row[0]).split(' (')[0] ?? ''),
        valueAxes: [{ format: (value) => i18n.number(value) }],
        series: [
          {
            type: 'bar',
            data: europeanRows.map((row) => row[1] as number),
            color: PALETTE[0]!,
            labels: (item) => {
              const growth = europeanRows[item.dataIndex]?.[2];
              return growth === null || growth === undefined
                ? i18n.number(item.value)
                : `${i18n.number(item.value)} (${Number(growth) >= 0 ? '+' : ''}${i18n.percent(growth as number)})`;
            },
          },
        ],
      }),
    }),
  );

  const f2030Rows: Cell[][] = data.france2030ByYear
    .filter((group) => group.key.year != null)
    .map((group) => [group.key.year ?? null, group.count]);
  main.append(
    renderPanel(context, {
      id: 'trends-france-2030',
      title: i18n.t('tr.f2030'),
      description: i18n.t('tr.f2030Desc'),
      operation: { document: trendsDocument },
      columns: [
        { label: i18n.t('year') },
        { label: i18n.t('projects'), format: (cell) => i18n.number(cell as number) },
      ],
      rows: f2030Rows,
      height: 260,
      option: categoryChartOption({
        orientation: 'columns',
        categories: f2030Rows.map((row) => String(row[0])),
        valueAxes: [{ format: (value) => i18n.number(value) }],
        series: [
          {
            type: 'bar',
            data: f2030Rows.map((row) => row[1] as number),
            color: PALETTE[2]!,
            labels: true,
          },
        ],
      }),
    }),
  );
}
